import { type BriefDiff, diffBriefs, isEmpty } from '#app/engine/diff.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import type { Db } from '#db/client.server.ts'
import { getBriefHead, getRevision, type RevisionSummary } from './briefs.server.ts'

/**
 * What moved between two revisions of a brief, with answers put in the words
 * the pages use. Without `from` and `to` it compares the latest two; with
 * only `to`, the one before it; with only `from`, against the latest. A brief
 * with one revision compares it with itself: nothing moved.
 */

export interface RevisionComparison {
  status: 'ok'
  briefId: string
  from: RevisionSummary
  to: RevisionSummary
  /** Nothing moved between the two. */
  empty: boolean
  diff: BriefDiff
}

export type CompareResult =
  | RevisionComparison
  | { status: 'no_brief' }
  /** The brief exists but has no revision numbered `number`; `head` is its latest. */
  | { status: 'no_revision'; number: number; head: number }

export async function compareRevisions(
  db: Db,
  input: { workspaceId: string; briefId: string; from?: number; to?: number },
): Promise<CompareResult> {
  const brief = await getBriefHead(db, input)
  if (!brief) return { status: 'no_brief' }
  const head = brief.headRevision
  const to = input.to ?? head
  const from = input.from ?? Math.max(1, to - 1)

  const [a, b] = await Promise.all([
    getRevision(db, { workspaceId: input.workspaceId, briefId: input.briefId, number: from }),
    from === to ? null : getRevision(db, { workspaceId: input.workspaceId, briefId: input.briefId, number: to }),
  ])
  if (!a) return { status: 'no_revision', number: from, head }
  const later = from === to ? a : b
  if (!later) return { status: 'no_revision', number: to, head }

  const diff = diffBriefs(
    { answers: a.answers, brief: a.brief },
    { answers: later.answers, brief: later.brief },
    { describeAnswer },
  )
  return { status: 'ok', briefId: input.briefId, from: summary(a), to: summary(later), empty: isEmpty(diff), diff }
}

function summary(r: RevisionSummary): RevisionSummary {
  return {
    number: r.number,
    engineVersion: r.engineVersion,
    catalogVersion: r.catalogVersion,
    createdAt: r.createdAt,
    title: r.title,
  }
}
