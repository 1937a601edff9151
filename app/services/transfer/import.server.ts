import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { describeValue, type Problem, problem, problemsFromError } from '#app/lib/problems.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { newId } from '#app/services/support/ids.server.ts'
import { inTransaction } from '#app/services/support/transaction.server.ts'
import type { Db } from '#db/client.server.ts'
import type { Database, NewRevision } from '#db/schema.ts'
import type { TransferCounts } from './export.server.ts'
import {
  BriefEntrySchema,
  CheckinsFileSchema,
  MANIFEST_NAME,
  ManifestSchema,
  NotesFileSchema,
  parseEntryName,
  RevisionEntrySchema,
} from './format.server.ts'

/**
 * Reads an export archive into a workspace, in one transaction: either every
 * brief, revision, check-in and note is imported or, at the first problem, none
 * is, and the problem names the entry and the field. The archive is read as
 * a stream and each entry handled as it is unpacked, so memory does not grow
 * with the archive (an entry is capped at MAX_ENTRY_BYTES).
 */

export const MAX_ENTRY_BYTES = 32 * 1024 * 1024
const INSERT_BATCH = 100

interface Entry {
  name: string
  data: Uint8Array
}

export async function importWorkspace(
  db: Db,
  input: { workspaceId: string; source: AsyncIterable<Uint8Array> },
): Promise<TransferCounts> {
  return inTransaction(db, (trx) => readArchive(trx, input.workspaceId, input.source))
}

function fail(entry: string, problems: Problem[]): never {
  throw new InvalidInputError(problems.map((p) => ({ ...p, path: p.path ? `${entry}: ${p.path}` : entry })))
}

function parseEntry<S extends z.ZodType>(entry: Entry, schema: S): z.output<S> {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entry.data))
  } catch {
    fail(entry.name, [problem('', 'a JSON file in UTF-8', 'text that does not parse as JSON')])
  }
  const parsed = schema.safeParse(value, { reportInput: true })
  if (!parsed.success) fail(entry.name, problemsFromError(parsed.error, { input: value, schema }))
  return parsed.data
}

async function readArchive(
  trx: Kysely<Database>,
  workspaceId: string,
  source: AsyncIterable<Uint8Array>,
): Promise<TransferCounts> {
  const counts: TransferCounts = { briefs: 0, revisions: 0, checkins: 0 }
  const ready: Entry[] = []
  let unpackError: { name: string; error: Error } | null = null
  const unzip = new Unzip((file) => {
    if (file.name.endsWith('/')) return
    const chunks: Uint8Array[] = []
    let size = 0
    file.ondata = (error, chunk, final) => {
      if (error) {
        unpackError ??= { name: file.name, error }
        return
      }
      size += chunk.length
      if (size > MAX_ENTRY_BYTES) {
        unpackError ??= { name: file.name, error: new Error(`larger than ${MAX_ENTRY_BYTES} bytes`) }
        file.terminate()
        return
      }
      chunks.push(chunk)
      if (final) ready.push({ name: file.name, data: concat(chunks, size) })
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)

  let manifestSeen = false
  let current: { id: string; head: number; entry: string; next: number; rows: NewRevision[] } | null = null
  const seen = new Set<string>()

  const flushRevisions = async () => {
    if (!current || current.rows.length === 0) return
    await trx.insertInto('revisions').values(current.rows).execute()
    counts.revisions += current.rows.length
    current.rows = []
  }
  const finishBrief = async () => {
    if (!current) return
    await flushRevisions()
    if (current.next !== current.head + 1) {
      fail(current.entry, [
        problem('headRevision', `revisions 1 to ${current.head} in the archive`, `revisions 1 to ${current.next - 1}`),
      ])
    }
    current = null
  }

  const handle = async (entry: Entry) => {
    const kind = parseEntryName(entry.name)
    if (!kind) {
      fail(entry.name, [
        problem('', `an entry of a stackbrief export (${MANIFEST_NAME}, briefs/<id>/…)`, 'a name the format has not'),
      ])
    }
    if (!manifestSeen && kind.kind !== 'manifest') {
      fail(entry.name, [problem('', `${MANIFEST_NAME} as the first entry`, 'another entry before it')])
    }
    switch (kind.kind) {
      case 'manifest':
        if (manifestSeen) fail(entry.name, [problem('', 'one manifest', 'a second one')])
        parseEntry(entry, ManifestSchema)
        manifestSeen = true
        return
      case 'brief': {
        await finishBrief()
        const brief = parseEntry(entry, BriefEntrySchema)
        if (brief.id !== kind.briefId)
          fail(entry.name, [problem('id', `"${kind.briefId}", as the entry's name says`, describeValue(brief.id))])
        if (seen.has(brief.id))
          fail(entry.name, [problem('id', 'each brief once in the archive', 'a second entry for it')])
        seen.add(brief.id)
        const existing = await trx.selectFrom('briefs').select('id').where('id', '=', brief.id).executeTakeFirst()
        if (existing) {
          fail(entry.name, [
            problem(
              'id',
              'a brief this database does not have yet (was this archive imported already?)',
              describeValue(brief.id),
            ),
          ])
        }
        await trx
          .insertInto('briefs')
          .values({
            id: brief.id,
            workspace_id: workspaceId,
            title: brief.title,
            head_revision: brief.headRevision,
            created_at: brief.createdAt,
            updated_at: brief.updatedAt,
            deleted_at: null,
            review_by: brief.reviewBy,
          })
          .execute()
        counts.briefs++
        current = { id: brief.id, head: brief.headRevision, entry: entry.name, next: 1, rows: [] }
        return
      }
      case 'revision': {
        if (current?.id !== kind.briefId)
          fail(entry.name, [
            problem('', `briefs/${kind.briefId}/brief.json before its revisions`, 'a revision without it'),
          ])
        const revision = parseEntry(entry, RevisionEntrySchema)
        if (revision.number !== kind.index || revision.number !== current.next) {
          fail(entry.name, [problem('number', `${current.next}, the next revision in order`, String(revision.number))])
        }
        if (revision.number > current.head) {
          fail(entry.name, [
            problem('number', `at most the brief's head revision, ${current.head}`, String(revision.number)),
          ])
        }
        current.rows.push({
          id: newId('r'),
          brief_id: current.id,
          number: revision.number,
          answers: JSON.stringify(revision.answers),
          brief: JSON.stringify(revision.brief),
          engine_version: revision.engineVersion,
          catalog_version: revision.catalogVersion,
          created_at: revision.createdAt,
          // The answers passed the answers schema above; both versions name the product here.
          title: (revision.answers as { product: { name: string } }).product.name,
        })
        current.next++
        if (current.rows.length >= INSERT_BATCH) await flushRevisions()
        return
      }
      case 'checkins': {
        if (current?.id !== kind.briefId)
          fail(entry.name, [
            problem('', `briefs/${kind.briefId}/brief.json before its check-ins`, 'check-ins without it'),
          ])
        const items = parseEntry(entry, CheckinsFileSchema)
        for (let i = 0; i < items.length; i += INSERT_BATCH) {
          await trx
            .insertInto('checkins')
            .values(
              items.slice(i, i + INSERT_BATCH).map((c) => ({
                id: c.id,
                brief_id: kind.briefId,
                measured_at: c.measuredAt,
                figures: JSON.stringify(c.figures),
                source: c.source,
                created_at: c.createdAt,
              })),
            )
            .execute()
        }
        counts.checkins += items.length
        return
      }
      case 'notes': {
        if (current?.id !== kind.briefId)
          fail(entry.name, [problem('', `briefs/${kind.briefId}/brief.json before its notes`, 'notes without it')])
        const head = current.head
        const items = parseEntry(entry, NotesFileSchema)
        for (const [i, n] of items.entries()) {
          if (n.fromRevision > head || (n.untilRevision !== null && n.untilRevision <= n.fromRevision)) {
            fail(entry.name, [
              problem(
                `[${i}]`,
                `a note from revision 1 to ${head}, removed after the revision it was written at`,
                `from ${n.fromRevision} until ${n.untilRevision ?? 'now'}`,
              ),
            ])
          }
        }
        for (let i = 0; i < items.length; i += INSERT_BATCH) {
          await trx
            .insertInto('brief_notes')
            .values(
              items.slice(i, i + INSERT_BATCH).map((n) => ({
                id: n.id,
                brief_id: kind.briefId,
                workspace_id: workspaceId,
                section: n.section,
                body: n.body,
                from_revision: n.fromRevision,
                until_revision: n.untilRevision,
                created_at: n.createdAt,
              })),
            )
            .execute()
        }
        return
      }
    }
  }

  const drain = async () => {
    if (unpackError) {
      fail(unpackError.name, [problem('', 'an entry that unpacks', unpackError.error.message)])
    }
    while (ready.length > 0) await handle(ready.shift() as Entry)
  }
  const push = (chunk: Uint8Array, final = false) => {
    try {
      unzip.push(chunk, final)
    } catch (error) {
      fail('(archive)', [problem('', 'a zip archive made by stackbrief export', errorWords(error))])
    }
  }
  for await (const chunk of source) {
    push(chunk)
    await drain()
  }
  push(new Uint8Array(0), true)
  await drain()
  await finishBrief()
  if (!manifestSeen) fail('(archive)', [problem('', `a zip archive with ${MANIFEST_NAME}`, 'none')])
  return counts
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

function errorWords(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error)
}
