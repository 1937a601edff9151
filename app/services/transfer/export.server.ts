import { Zip, ZipDeflate } from 'fflate'
import { liveBriefIn } from '#app/services/support/scope.server.ts'
import type { Db } from '#db/client.server.ts'
import type { BriefNoteRow, BriefRow, CheckinRow } from '#db/schema.ts'
import {
  CHECKINS_PER_FILE,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  entryName,
  MANIFEST_NAME,
  type Manifest,
  NOTES_PER_FILE,
  type NoteEntry,
} from './format.server.ts'

/**
 * A workspace's data as a zip stream (the layout is in format.server.ts).
 * Rows are read a batch at a time and each file is compressed as it is
 * added, and the stream waits for its reader, so memory stays the same
 * however large the workspace is. There is no long transaction (one would
 * hold SQLite's only connection for the whole export): each brief is read as
 * of its head revision when it is reached, and check-ins up to the moment the
 * export began, so every brief in the archive is whole and consistent.
 */

export interface TransferCounts {
  briefs: number
  revisions: number
  checkins: number
}

const BATCH = 50
type CheckinEntryRow = Pick<CheckinRow, 'id' | 'measured_at' | 'figures' | 'source' | 'created_at'>
type NoteRow = Omit<BriefNoteRow, 'brief_id' | 'workspace_id'>
const encoder = new TextEncoder()

export function exportWorkspace(
  db: Db,
  input: { workspaceId: string; now?: Date },
): { stream: ReadableStream<Uint8Array>; done: Promise<TransferCounts> } {
  const exportedAt = (input.now ?? new Date()).toISOString()
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(
    undefined,
    { highWaterMark: 8 },
    { highWaterMark: 8 },
  )
  const writer = writable.getWriter()
  const pending: Uint8Array[] = []
  let zipError: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error
    else pending.push(chunk)
  })
  async function flush() {
    if (zipError) throw zipError
    for (const chunk of pending.splice(0)) {
      await writer.ready
      void writer.write(chunk).catch(() => {})
    }
  }
  async function add(name: string, text: string) {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    file.push(encoder.encode(text), true)
    await flush()
  }

  const counts: TransferCounts = { briefs: 0, revisions: 0, checkins: 0 }
  const done = (async () => {
    try {
      const workspace = await db.db
        .selectFrom('workspaces')
        .select(['id', 'name'])
        .where('id', '=', input.workspaceId)
        .executeTakeFirst()
      const manifest: Manifest = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt,
        workspace: { id: input.workspaceId, name: workspace?.name ?? input.workspaceId },
        excluded: [
          'tokens: a token is a credential for this instance only, and only its hash is kept; make new ones after an import',
          'drafts, deleted briefs and idempotency keys: none is finished data',
        ],
      }
      await add(MANIFEST_NAME, `${JSON.stringify(manifest, null, 2)}\n`)

      let afterId = ''
      for (;;) {
        const briefs = await db.db
          .selectFrom('briefs')
          .select(['id', 'title', 'head_revision', 'created_at', 'updated_at', 'review_by'])
          .where(liveBriefIn(input.workspaceId))
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(BATCH)
          .execute()
        for (const brief of briefs) await addBrief(brief)
        if (briefs.length < BATCH) break
        afterId = briefs[briefs.length - 1].id
      }
      zip.end()
      await flush()
      await writer.close()
      return counts
    } catch (error) {
      await writer.abort(error).catch(() => {})
      throw error
    }
  })()

  async function addBrief(
    brief: Pick<BriefRow, 'id' | 'title' | 'head_revision' | 'created_at' | 'updated_at' | 'review_by'>,
  ) {
    const head = Number(brief.head_revision)
    const entry = {
      id: brief.id,
      title: brief.title,
      headRevision: head,
      createdAt: brief.created_at,
      updatedAt: brief.updated_at,
      reviewBy: brief.review_by,
    }
    await add(entryName.brief(brief.id), `${JSON.stringify(entry, null, 2)}\n`)
    counts.briefs++

    let afterNumber = 0
    while (afterNumber < head) {
      const revisions = await db.db
        .selectFrom('revisions')
        .select(['number', 'created_at', 'engine_version', 'catalog_version', 'answers', 'brief'])
        .where('brief_id', '=', brief.id)
        .where('number', '>', afterNumber)
        .where('number', '<=', head)
        .orderBy('number')
        .limit(BATCH)
        .execute()
      if (revisions.length === 0) break
      for (const r of revisions) {
        // The stored answers and brief are JSON text already: spliced in as they are, so they come back identical.
        const text = `{"number":${Number(r.number)},"createdAt":${JSON.stringify(r.created_at)},"engineVersion":${JSON.stringify(r.engine_version)},"catalogVersion":${JSON.stringify(r.catalog_version)},"answers":${r.answers},"brief":${r.brief}}\n`
        await add(entryName.revision(brief.id, Number(r.number)), text)
        counts.revisions++
      }
      afterNumber = Number(revisions[revisions.length - 1].number)
    }

    await addInFiles<CheckinEntryRow>(
      CHECKINS_PER_FILE,
      (after) => {
        let query = db.db
          .selectFrom('checkins')
          .select(['id', 'measured_at', 'figures', 'source', 'created_at'])
          .where('brief_id', '=', brief.id)
          .where('created_at', '<=', exportedAt)
        if (after) {
          const { measured_at: at, id } = after
          query = query.where((eb) =>
            eb.or([eb('measured_at', '>', at), eb.and([eb('measured_at', '=', at), eb('id', '>', id)])]),
          )
        }
        return query.orderBy('measured_at').orderBy('id').limit(CHECKINS_PER_FILE).execute()
      },
      async (rows, file) => {
        const items = rows.map(
          (c) =>
            `{"id":${JSON.stringify(c.id)},"measuredAt":${JSON.stringify(c.measured_at)},"figures":${c.figures},"source":${JSON.stringify(c.source)},"createdAt":${JSON.stringify(c.created_at)}}`,
        )
        await add(entryName.checkins(brief.id, file), `[\n${items.join(',\n')}\n]\n`)
        counts.checkins += rows.length
      },
    )

    await addInFiles<NoteRow>(
      NOTES_PER_FILE,
      (after) => {
        let query = db.db
          .selectFrom('brief_notes')
          .select(['id', 'section', 'body', 'from_revision', 'until_revision', 'created_at'])
          .where('brief_id', '=', brief.id)
          .where('created_at', '<=', exportedAt)
        if (after) {
          const { created_at: at, id } = after
          query = query.where((eb) =>
            eb.or([eb('created_at', '>', at), eb.and([eb('created_at', '=', at), eb('id', '>', id)])]),
          )
        }
        return query.orderBy('created_at').orderBy('id').limit(NOTES_PER_FILE).execute()
      },
      async (rows, file) => {
        const items: NoteEntry[] = rows.map((n) => ({
          id: n.id,
          section: n.section as NoteEntry['section'],
          body: n.body,
          fromRevision: Number(n.from_revision),
          untilRevision: n.until_revision === null ? null : Number(n.until_revision),
          createdAt: n.created_at,
        }))
        await add(entryName.notes(brief.id, file), `${JSON.stringify(items, null, 2)}\n`)
      },
    )
  }

  // A reader that stops early (a closed connection) ends the export; the error is the reader's, not ours.
  done.catch(() => {})
  return { stream: readable, done }
}

/**
 * Rows a page at a time, each page one file numbered from 1: `page` reads the
 * rows after the last one of the page before (null for the first).
 */
async function addInFiles<Row>(
  perFile: number,
  page: (after: Row | null) => Promise<Row[]>,
  write: (rows: Row[], file: number) => Promise<void>,
): Promise<void> {
  let after: Row | null = null
  for (let file = 1; ; file++) {
    const rows = await page(after)
    if (rows.length === 0) return
    await write(rows, file)
    if (rows.length < perFile) return
    after = rows[rows.length - 1]
  }
}
