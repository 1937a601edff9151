import type { AppLoadContext } from '@remix-run/node'
import type { RevisionSnapshot } from '#app/export/adr/history.ts'
import { renderMarkdown } from '#app/export/markdown.ts'
import { buildRadar, radarCsv } from '#app/export/radar.ts'
import {
  getBrief,
  getRevision,
  getRevisionWithHead,
  listRevisionsForDecisionRecords,
  type RevisionRecord,
} from '#app/services/briefs.server.ts'
import { type ExportOptions, getExportOptions } from '#app/services/export-options.server.ts'
import { type Note, notesAt } from '#app/services/notes.server.ts'
import { openShareLink, type SharedBrief } from '#app/services/share-links.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { type BriefHead, briefBodyHtml, briefHead } from './brief-body.server.tsx'
import { downloadName } from './brief-page.server.ts'
import { pdfResponse, renderedOffThread } from './brief-pdf.server.ts'
import { guideBaseUrl } from './public-url.server.ts'

/**
 * What a share link opens: one brief at the latest revision or the one the
 * link fixed, its page and its downloads. The token is the only key: no
 * identity is asked for or made, and the workspace is the brief's own. Any
 * refusal (malformed, unknown, revoked, expired, deleted brief) is the same
 * 404, so the answer tells a guesser nothing.
 */

/** Shared pages and files are for the people given the link, not for search engines or caches. */
export const SHARED_HEADERS = {
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'private, no-store',
} as const

export function sharedNotFound(): Response {
  return new Response('This share link does not work: it may have been revoked, have expired, or be mistyped.', {
    status: 404,
    statusText: 'Not Found',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SHARED_HEADERS },
  })
}

export interface SharedRevision {
  db: Db
  share: SharedBrief
  revision: RevisionRecord
  headRevision: number
  notes: Note[]
  exportOptions: ExportOptions
}

export async function loadSharedRevision(token: string | undefined): Promise<SharedRevision> {
  const db = await getDb()
  const share = token ? await openShareLink(db, { token }) : null
  if (!share) throw sharedNotFound()
  const { workspaceId, briefId } = share
  let revision: RevisionRecord | null = null
  let headRevision = 0
  if (share.revision === null) {
    const found = await getBrief(db, { workspaceId, briefId })
    if (found) ({ head: revision, headRevision } = found)
  } else {
    const found = await getRevisionWithHead(db, { workspaceId, briefId, number: share.revision })
    if (found) ({ revision, headRevision } = found)
  }
  if (!revision) throw sharedNotFound()
  const [notes, exportOptions] = await Promise.all([
    notesAt(db, { workspaceId, briefId, revision: revision.number }),
    getExportOptions(db, { workspaceId, briefId }),
  ])
  return { db, share, revision, headRevision, notes, exportOptions }
}

export interface SharedPageData {
  revision: {
    number: number
    createdAt: string
    engineVersion: string
    catalogVersion: string
    brief: BriefHead
    bodyHtml: string | null
  }
  /** True when the link follows the latest revision, false when it shows a fixed one. */
  followsLatest: boolean
  notes: { id: string; section: string; body: string }[]
}

export async function loadSharedPage(context: AppLoadContext | undefined, token: string | undefined) {
  const { share, revision, notes } = await loadSharedRevision(token)
  const { brief, answers, number, createdAt, engineVersion, catalogVersion } = revision
  const page: SharedPageData = {
    revision: {
      number,
      createdAt,
      engineVersion,
      catalogVersion,
      brief: briefHead(brief),
      bodyHtml: briefBodyHtml(context, brief, answers, `${share.briefId}:${number}`),
    },
    followsLatest: share.revision === null,
    notes: notes.map((n) => ({ id: n.id, section: n.section, body: n.body })),
  }
  return page
}

function attachment(type: string, filename: string): HeadersInit {
  return { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"`, ...SHARED_HEADERS }
}

/** The shared revision as Markdown, with the names saved in the brief's export options. */
export async function sharedMarkdown(context: AppLoadContext | undefined, token: string | undefined) {
  const { revision, notes, exportOptions } = await loadSharedRevision(token)
  const markdown = renderMarkdown(revision.brief, revision.answers, {
    guideBaseUrl: guideBaseUrl(context),
    preparedBy: exportOptions.preparedBy,
    preparedFor: exportOptions.preparedFor,
    notes,
  })
  return new Response(markdown, {
    headers: attachment('text/markdown; charset=utf-8', `${downloadName(revision.title, revision.number)}.md`),
  })
}

export async function sharedPdf(context: AppLoadContext | undefined, token: string | undefined) {
  const { share, revision, notes, exportOptions } = await loadSharedRevision(token)
  const query = {
    pageSize: exportOptions.pageSize === 'letter' ? ('LETTER' as const) : ('A4' as const),
    preparedBy: exportOptions.preparedBy,
    client: exportOptions.preparedFor,
  }
  const response = await pdfResponse({
    brief: revision.brief,
    answers: revision.answers,
    options: {
      ...query,
      date: revision.createdAt.slice(0, 10),
      revision: revision.number,
      guideBaseUrl: guideBaseUrl(context),
      notes: notes.map((n) => ({ section: n.section, body: n.body })),
    },
    filename: `${downloadName(revision.title, revision.number)}.pdf`,
    cacheControl: SHARED_HEADERS['Cache-Control'],
    cacheKey: JSON.stringify([share.briefId, revision.number, query, guideBaseUrl(context), notes.map((n) => n.id)]),
  })
  response.headers.set('X-Robots-Tag', SHARED_HEADERS['X-Robots-Tag'])
  return response
}

/** The decision records up to the shared revision, as the brief page's zip makes them. */
export async function sharedAdrZip(context: AppLoadContext | undefined, token: string | undefined) {
  const { db, share, revision, notes, exportOptions } = await loadSharedRevision(token)
  const baseUrl = guideBaseUrl(context)
  const client = exportOptions.preparedFor ?? null
  const key = JSON.stringify([
    'adr_zip',
    share.briefId,
    revision.number,
    client,
    baseUrl ?? null,
    notes.map((n) => n.id),
  ])
  const zip = await renderedOffThread(key, async () => {
    const revisions = await listRevisionsForDecisionRecords(db, {
      workspaceId: share.workspaceId,
      briefId: share.briefId,
      upTo: revision.number,
    })
    const snapshots: RevisionSnapshot[] = revisions.map(snapshot)
    return {
      kind: 'adr_zip',
      snapshots,
      options: { briefId: share.briefId, guideBaseUrl: baseUrl, deciders: client ? [client] : undefined },
      date: snapshot(revision).date,
      notes: { revision: revision.number, items: notes.map((n) => ({ section: n.section, body: n.body })) },
    }
  })
  if (zip instanceof Response) return zip
  return new Response(zip as Uint8Array<ArrayBuffer>, {
    headers: attachment('application/zip', `${downloadName(revision.title, revision.number)}-decisions.zip`),
  })
}

/** The shared revision's radar CSV; isNew marks what the revision before it did not have. */
export async function sharedRadarCsv(token: string | undefined) {
  const { db, share, revision } = await loadSharedRevision(token)
  const before =
    revision.number > 1
      ? await getRevision(db, { workspaceId: share.workspaceId, briefId: share.briefId, number: revision.number - 1 })
      : null
  const entries = buildRadar(revision.brief, before ? { previous: buildRadar(before.brief) } : {})
  return new Response(radarCsv(entries), {
    headers: attachment('text/csv; charset=utf-8', `${downloadName(revision.title, revision.number)}-radar.csv`),
  })
}

function snapshot(r: {
  brief: RevisionSnapshot['brief']
  answers: RevisionSnapshot['answers']
  number: number
  createdAt: string
}) {
  return { brief: r.brief, answers: r.answers, revision: r.number, date: r.createdAt.slice(0, 10) }
}
