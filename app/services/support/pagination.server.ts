import { type Expression, type SqlBool, sql } from 'kysely'
import { describeValue, problem } from '#app/lib/problems.ts'
import { InvalidInputError } from './errors.server.ts'

/**
 * Keyset pagination, newest first: a page ends at its last item's key, and the
 * next page starts strictly after it. A cursor is that key as a JSON array in
 * base64url, opaque to callers; each list says what a valid key is, so a
 * cursor from another list or a hand-made one is refused, not run.
 */

export interface KeysetCursor<Key extends readonly unknown[]> {
  encode(key: Key): string
  /** The key of a cursor, or null for none (undefined or ''); InvalidInputError for one no page returned. */
  decode(cursor: string | undefined): Key | null
}

export function keysetCursor<Key extends readonly unknown[]>(
  isKey: (parts: readonly unknown[]) => parts is Key,
  maxLength = 400,
): KeysetCursor<Key> {
  const shape = new RegExp(`^[A-Za-z0-9_-]{1,${maxLength}}$`)
  return {
    encode: (key) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url'),
    decode(cursor) {
      if (cursor === undefined || cursor === '') return null
      const bad = () =>
        new InvalidInputError([
          problem('cursor', 'a cursor exactly as an earlier page returned it in nextCursor', describeValue(cursor)),
        ])
      if (!shape.test(cursor)) throw bad()
      let decoded: unknown
      try {
        decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      } catch {
        throw bad()
      }
      if (!Array.isArray(decoded) || !isKey(decoded)) throw bad()
      return decoded
    },
  }
}

/**
 * Rows after `key` in descending (first, second) order: `first < a or (first = a and second < b)`.
 * Columns are named as the query names them (`created_at` or `briefs.created_at`).
 */
export function descendingAfter(
  columns: readonly [string, string],
  key: readonly [string, string],
): Expression<SqlBool> {
  const [first, second] = columns.map((c) => sql.ref(c))
  return sql<SqlBool>`(${first} < ${key[0]} or (${first} = ${key[0]} and ${second} < ${key[1]}))`
}

/**
 * One page: `fetch` reads up to `take` items (one more than the page holds, to
 * know whether another page follows); the cursor points after the last kept one.
 */
export async function keysetPage<Item>(input: {
  limit: number
  fetch: (take: number) => Promise<Item[]>
  cursorOf: (last: Item) => string
}): Promise<{ items: Item[]; nextCursor: string | null }> {
  const rows = await input.fetch(input.limit + 1)
  const items = rows.slice(0, input.limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > input.limit && last !== undefined ? input.cursorOf(last) : null }
}
