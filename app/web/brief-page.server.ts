import type { AppLoadContext } from '@remix-run/node'
import type { SavedBriefsData } from '#app/components/saved-brief/saved-briefs.tsx'
import { type AttentionItem, listBriefsNeedingAttention } from '#app/services/attention.server.ts'
import {
  getBrief,
  getBriefHead,
  getRevisionWithHead,
  listBriefs,
  listRevisions,
  type RevisionRecord,
  type RevisionSummary,
} from '#app/services/briefs.server.ts'
import { type ExportOptions, getExportOptions } from '#app/services/export-options.server.ts'
import { type Note, notesAt } from '#app/services/notes.server.ts'
import { InvalidInputError, noBriefMessage } from '#app/services/support/errors.server.ts'
import { SEARCH_MAX_LENGTH } from '#app/services/support/limits.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { identityOf } from './access.server.ts'
import { type BriefHead, briefBodyHtml, briefHead } from './brief-body.server.tsx'
import { briefNotFound, loggerOf, notFound, parseRevisionNumber, workspaceFor } from './request.server.ts'

/** Loading a saved brief's revision for its page and its downloads; anything unknown is a 404. */

export interface RevisionPageData {
  briefId: string
  revision: RevisionRecord
  /** One page of the history, newest first (see HISTORY_PAGE_SIZE and `?history=`). */
  revisions: RevisionSummary[]
  /** The cursor of the page of history shown (null for the newest), and of the next older page. */
  historyCursor: string | null
  nextHistoryCursor: string | null
  headRevision: number
  /** Paper size and names remembered for this brief's downloads. */
  exportOptions: ExportOptions
  /** The consultant's notes that hold at this revision. */
  notes: Note[]
}

export const HISTORY_PAGE_SIZE = 20

/**
 * The revision numbered `n`, or the latest when `n` is undefined, with the
 * brief's head read from the brief row: the cost does not grow with the
 * history. `history: false` (downloads) skips the page of history.
 */
export async function loadRevision(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  n: string | undefined,
  { history = true }: { history?: boolean } = {},
): Promise<RevisionPageData> {
  const db = await getDb()
  const workspaceId = await workspaceFor(context, 'brief:read')
  const id = briefId ?? ''
  const noBrief = () => briefNotFound(id)
  let revision: RevisionRecord
  let headRevision: number
  if (n === undefined) {
    const found = await getBrief(db, { workspaceId, briefId: id })
    if (!found) throw noBrief()
    revision = found.head
    headRevision = found.headRevision
  } else {
    const number = parseRevisionNumber(n) ?? 0
    const found = await getRevisionWithHead(db, { workspaceId, briefId: id, number })
    if (!found) throw noBrief()
    headRevision = found.headRevision
    if (number === 0) {
      throw notFound(`“${n.slice(0, 40)}” is not a revision number. This brief has revisions 1 to ${headRevision}.`)
    }
    if (!found.revision) {
      throw notFound(`This brief has no revision ${number}. Its revisions are numbered 1 to ${headRevision}.`)
    }
    revision = found.revision
  }
  const page = history ? await loadHistory(request, db, workspaceId, id) : null
  const exportOptions = await getExportOptions(db, { workspaceId, briefId: id })
  const notes = await notesAt(db, { workspaceId, briefId: id, revision: revision.number })
  return {
    briefId: id,
    revision,
    revisions: page?.items ?? [],
    historyCursor: page?.cursor ?? null,
    nextHistoryCursor: page?.nextCursor ?? null,
    headRevision,
    exportOptions,
    notes,
  }
}

/** One page of history for `?history=`; a cursor the service cannot read starts again from the newest. */
async function loadHistory(request: Request, db: Db, workspaceId: string, briefId: string) {
  const cursor = new URL(request.url).searchParams.get('history') || null
  try {
    const page = await listRevisions(db, {
      workspaceId,
      briefId,
      cursor: cursor ?? undefined,
      limit: HISTORY_PAGE_SIZE,
    })
    return page ? { ...page, cursor } : null
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    const page = await listRevisions(db, { workspaceId, briefId, limit: HISTORY_PAGE_SIZE })
    return page ? { ...page, cursor: null } : null
  }
}

/** What a revision's page sends: the header's words, the sections as HTML (null when the document has them), no Brief JSON. */
export interface RevisionPageView extends Omit<RevisionPageData, 'revision'> {
  revision: Omit<RevisionRecord, 'brief' | 'answers'> & { brief: BriefHead; bodyHtml: string | null }
}

export function revisionPageView(
  page: RevisionPageData,
  _request: Request,
  context: unknown,
  /** False for an identity that may not revise: the decisions carry no override links. */
  { overridable = true }: { overridable?: boolean } = {},
): RevisionPageView {
  const { brief, answers, ...rest } = page.revision
  return {
    ...page,
    revision: {
      ...rest,
      brief: briefHead(brief),
      bodyHtml: briefBodyHtml(context, brief, answers, `${page.briefId}:${rest.number}`, { overridable }),
    },
  }
}

/** A file name from a brief title: "Shiftwise" revision 2 → shiftwise-r2. */
export function downloadName(title: string, number: number): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'brief'}-r${number}`
}

export const HOME_PAGE_SIZE = 10
export const ATTENTION_SHOWN = 10

/**
 * The home page's list of saved briefs for `?q=` and `?cursor=`. A cursor or
 * search the service cannot use starts the list again with a note instead of
 * failing the page, and so does a database that cannot be reached: the rest
 * of the home page does not depend on it.
 */
export async function loadSavedBriefs(request: Request, context: AppLoadContext | undefined): Promise<SavedBriefsData> {
  const url = new URL(request.url)
  // NUL matches no title and PostgreSQL refuses it in a parameter; no one types it.
  const q = (url.searchParams.get('q') ?? '').replaceAll('\u0000', '').trim().slice(0, SEARCH_MAX_LENGTH)
  const cursor = url.searchParams.get('cursor') || null
  // A visitor with no identity yet has no briefs: the list is empty, not refused.
  const identity = await identityOf(context)
  const workspaceId = identity?.workspaceId ?? ''
  try {
    const db = await getDb()
    // Briefs that need a look lead the first page of the plain list.
    const attention = async (): Promise<{ items: AttentionItem[]; total: number }> =>
      q || cursor ? { items: [], total: 0 } : listBriefsNeedingAttention(db, { workspaceId, limit: ATTENTION_SHOWN })
    try {
      const page = await listBriefs(db, { workspaceId, search: q, cursor: cursor ?? undefined, limit: HOME_PAGE_SIZE })
      return { ...page, q, cursor, notice: null, attention: await attention() }
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      const page = await listBriefs(db, { workspaceId, search: q, limit: HOME_PAGE_SIZE })
      return {
        ...page,
        q,
        cursor: null,
        notice: 'That page of the list is no longer available, so it starts again from the newest.',
        attention: { items: [], total: 0 },
      }
    }
  } catch (error) {
    loggerOf(context).error({ err: error }, 'saved briefs could not be listed')
    return {
      items: [],
      nextCursor: null,
      q,
      cursor: null,
      notice: 'Your saved briefs cannot be listed right now. Try again in a moment.',
      attention: { items: [], total: 0 },
    }
  }
}

/**
 * A form posted to a brief's page is answered only once the identity may
 * change that brief: one it cannot see is a 404 whatever the form holds,
 * never a 400 that would tell it the brief's forms apart.
 */
export async function requireRevisableBrief(context: AppLoadContext | undefined, briefId = ''): Promise<void> {
  const workspaceId = await workspaceFor(context, 'brief:revise')
  if (!(await getBriefHead(await getDb(), { workspaceId, briefId }))) throw briefNotFound(briefId)
}
