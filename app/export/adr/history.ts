import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { REVIEW_AFTER_DAYS } from '#app/engine/review-policy.ts'
import { type AdrFile, type AdrStyle, addDays, exportAdrs } from '#app/export/adr.ts'
import { parseRecords } from './parse.ts'

export interface RevisionSnapshot {
  brief: Brief
  answers: Answers | null
  revision: number
  /** YYYY-MM-DD the revision was saved. */
  date: string
}

/**
 * The records folder a brief's history leaves behind: revision 1 exported
 * into an empty folder, then each later revision into the result, so a
 * changed choice reads as a new record superseding the old one. Revisions are
 * taken in number order whatever order they come in.
 */
export function exportAdrHistory(
  revisions: readonly RevisionSnapshot[],
  options: {
    briefId: string
    style?: AdrStyle
    guideBaseUrl?: string
    reviewDays?: number
    deciders?: readonly string[]
  },
): AdrFile[] {
  const folder = new Map<string, string>()
  for (const r of [...revisions].sort((a, b) => a.revision - b.revision)) {
    const previous = parseRecords([...folder].map(([path, content]) => ({ path, content })))
    const { files } = exportAdrs(r.brief, r.answers, {
      style: options.style,
      date: r.date,
      reviewBy: addDays(r.date, options.reviewDays ?? REVIEW_AFTER_DAYS),
      briefId: options.briefId,
      revision: r.revision,
      previous,
      guideBaseUrl: options.guideBaseUrl,
      deciders: options.deciders,
    })
    for (const f of files) folder.set(f.path, f.content)
  }
  return [...folder]
    .map(([path, content]) => ({ path, content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
