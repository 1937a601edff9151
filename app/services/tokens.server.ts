import crypto from 'node:crypto'
import { describeValue, problem } from '#app/lib/problems.ts'
import type { Db } from '#db/client.server.ts'
import type { BriefTokenRow } from '#db/schema.ts'
import { InvalidInputError } from './support/errors.server.ts'
import { newId } from './support/ids.server.ts'
import { liveBriefExists, liveBriefIn } from './support/scope.server.ts'

/**
 * Per-brief tokens: a script that measures a product posts its check-ins with
 * one (`Authorization: Bearer sbt_…`). A token opens one brief only. It is
 * shown once, when made; the database keeps its SHA-256 and its first eight
 * characters (to tell tokens apart in a list), never the token. With 190
 * random bits a plain hash is enough: there is nothing to guess from it.
 */

export interface TokenSummary {
  id: string
  briefId: string
  name: string
  /** The first 8 characters of the token, such as `sbt_a1B2`. */
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** ok: the token opens this brief. wrong_brief: a live token of another brief. invalid: anything else. */
export type TokenCheck = 'ok' | 'wrong_brief' | 'invalid'

export const TOKEN_PREFIX = 'sbt_'
export const TOKEN_RANDOM_LENGTH = 32
export const TOKEN_PATTERN = /^sbt_[0-9A-Za-z]{32}$/
export const TOKEN_DISPLAY_LENGTH = 8
export const TOKEN_NAME_MAX_LENGTH = 80

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** Compared against when no stored token shares the prefix, so a miss costs what a near miss costs. */
const NO_MATCH = Buffer.alloc(32)

/** A new token for a brief; the plain token is in the answer and nowhere else. Null when the workspace has no such brief. */
export async function createToken(
  db: Db,
  input: { workspaceId: string; briefId: string; name: string; now?: Date },
): Promise<{ token: string; summary: TokenSummary } | null> {
  const name = checkName(input.name)
  if (!(await liveBriefExists(db.db, input))) return null
  const token = newToken()
  const summary: TokenSummary = {
    id: newId('t'),
    briefId: input.briefId,
    name,
    prefix: token.slice(0, TOKEN_DISPLAY_LENGTH),
    createdAt: (input.now ?? new Date()).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  }
  await db.db
    .insertInto('brief_tokens')
    .values({
      id: summary.id,
      brief_id: summary.briefId,
      name: summary.name,
      prefix: summary.prefix,
      hash: hashToken(token),
      created_at: summary.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute()
  return { token, summary }
}

/** Every token of a brief, revoked ones included, newest first; null when the workspace has no such brief. */
export async function listTokens(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<TokenSummary[] | null> {
  if (!(await liveBriefExists(db.db, input))) return null
  const rows = await db.db
    .selectFrom('brief_tokens')
    .select(['id', 'brief_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('brief_id', '=', input.briefId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toSummary)
}

/**
 * Revokes a token for good; a revoked token is refused from then on. Revoking
 * it again changes nothing. Null when the brief (in this workspace) has no such token.
 */
export async function revokeToken(
  db: Db,
  input: { workspaceId: string; briefId: string; tokenId: string; now?: Date },
): Promise<TokenSummary | null> {
  await db.db
    .updateTable('brief_tokens')
    .set({ revoked_at: (input.now ?? new Date()).toISOString() })
    .where('id', '=', input.tokenId)
    .where('brief_id', '=', input.briefId)
    .where('revoked_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('briefs')
          .select('briefs.id')
          .whereRef('briefs.id', '=', 'brief_tokens.brief_id')
          .where(liveBriefIn(input.workspaceId)),
      ),
    )
    .execute()
  const row = await db.db
    .selectFrom('brief_tokens')
    .innerJoin('briefs', 'briefs.id', 'brief_tokens.brief_id')
    .select([
      'brief_tokens.id',
      'brief_tokens.brief_id',
      'brief_tokens.name',
      'brief_tokens.prefix',
      'brief_tokens.created_at',
      'brief_tokens.last_used_at',
      'brief_tokens.revoked_at',
    ])
    .where('brief_tokens.id', '=', input.tokenId)
    .where('brief_tokens.brief_id', '=', input.briefId)
    .where(liveBriefIn(input.workspaceId))
    .executeTakeFirst()
  return row ? toSummary(row) : null
}

/**
 * Whether `token` opens `briefId`, and on 'ok' notes when it was used. The
 * hash of the token is compared with every stored hash that shares its
 * prefix, in constant time, and at least once even when none does. A revoked
 * token, or one whose brief was deleted, is invalid for every brief.
 */
export async function authenticateToken(
  db: Db,
  input: { briefId: string; token: string; now?: Date },
): Promise<TokenCheck> {
  const presented = digest(input.token)
  const candidates = TOKEN_PATTERN.test(input.token)
    ? await db.db
        .selectFrom('brief_tokens')
        .innerJoin('briefs', 'briefs.id', 'brief_tokens.brief_id')
        .select(['brief_tokens.id', 'brief_tokens.brief_id', 'brief_tokens.hash', 'brief_tokens.revoked_at'])
        .select('briefs.deleted_at')
        .where('brief_tokens.prefix', '=', input.token.slice(0, TOKEN_DISPLAY_LENGTH))
        .execute()
    : []
  let match: (typeof candidates)[number] | undefined
  for (const candidate of candidates) {
    const same = crypto.timingSafeEqual(Buffer.from(candidate.hash, 'hex'), presented)
    if (same && !match) match = candidate
  }
  if (candidates.length === 0) crypto.timingSafeEqual(NO_MATCH, presented)
  if (!match || match.revoked_at !== null || match.deleted_at !== null) return 'invalid'
  if (match.brief_id !== input.briefId) return 'wrong_brief'
  await db.db
    .updateTable('brief_tokens')
    .set({ last_used_at: (input.now ?? new Date()).toISOString() })
    .where('id', '=', match.id)
    .execute()
  return 'ok'
}

/** SHA-256 of a token, hex: what the database keeps. */
export function hashToken(token: string): string {
  return digest(token).toString('hex')
}

function digest(token: string): Buffer {
  return crypto.createHash('sha256').update(token, 'utf8').digest()
}

/** `sbt_` and 32 base62 characters (190 bits), without modulo bias: bytes past 247 are thrown back. */
export function newToken(): string {
  let out = TOKEN_PREFIX
  while (out.length < TOKEN_PREFIX.length + TOKEN_RANDOM_LENGTH) {
    for (const byte of crypto.randomBytes(48)) {
      if (byte < 248 && out.length < TOKEN_PREFIX.length + TOKEN_RANDOM_LENGTH) out += BASE62[byte % 62]
    }
  }
  return out
}

function checkName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length === 0 || trimmed.length > TOKEN_NAME_MAX_LENGTH) {
    throw new InvalidInputError([
      problem(
        'name',
        `a name of 1 to ${TOKEN_NAME_MAX_LENGTH} characters, such as "nightly metrics job"`,
        describeValue(name),
      ),
    ])
  }
  return trimmed
}

function toSummary(row: Omit<BriefTokenRow, 'hash'>): TokenSummary {
  return {
    id: row.id,
    briefId: row.brief_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }
}

/** The workspace a brief belongs to, for a request its check-in token speaks for; null when there is no such brief. */
export async function workspaceOfBrief(db: Db, briefId: string): Promise<string | null> {
  const row = await db.db.selectFrom('briefs').select('workspace_id').where('id', '=', briefId).executeTakeFirst()
  return row?.workspace_id ?? null
}
