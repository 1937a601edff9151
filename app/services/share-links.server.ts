import crypto from 'node:crypto'
import { describeValue, problem } from '#app/lib/problems.ts'
import type { Db } from '#db/client.server.ts'
import { InvalidInputError } from './support/errors.server.ts'
import { hashToken, newToken, TOKEN_DISPLAY_LENGTH, TOKEN_PREFIX } from './tokens.server.ts'

/**
 * Share links: read-only access to one brief, for someone without an
 * account (a client's board). A link shows the latest revision or a fixed
 * one, may expire, and can be revoked. Its token is in the link and nowhere
 * else: the database keeps its SHA-256 and first eight characters, as for
 * check-in tokens. A link opens its brief's page and downloads, nothing else.
 */

export interface ShareLinkSummary {
  id: string
  briefId: string
  name: string
  /** The revision shown; null follows the latest. */
  revision: number | null
  /** The first 8 characters of the token, such as `sbs_a1B2`. */
  prefix: string
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastOpenedAt: string | null
}

/** What a live link opens: one brief, and which of its revisions (null: the latest). */
export interface SharedBrief {
  linkId: string
  workspaceId: string
  briefId: string
  revision: number | null
}

export const SHARE_PREFIX = 'sbs_'
export const SHARE_PATTERN = /^sbs_[0-9A-Za-z]{32}$/
export const SHARE_NAME_MAX_LENGTH = 80
/** The expiries the brief page offers, in days; none is also allowed. */
export const SHARE_EXPIRY_DAYS = [7, 30, 90] as const

const DAY_MS = 24 * 60 * 60 * 1000
const NO_MATCH = Buffer.alloc(32)

/** A new link's token: the check-in tokens' 190 random bits behind its own prefix. */
export function newShareToken(): string {
  return SHARE_PREFIX + newToken().slice(TOKEN_PREFIX.length)
}

/**
 * A new link to a brief of this workspace; the plain token is in the answer
 * and nowhere else. Null when the workspace has no such brief. A fixed
 * revision must exist; `expiresInDays` null never expires.
 */
export async function createShareLink(
  db: Db,
  input: {
    workspaceId: string
    briefId: string
    name: string
    revision: number | null
    expiresInDays: number | null
    now?: Date
  },
): Promise<{ token: string; summary: ShareLinkSummary } | null> {
  const name = checkName(input.name)
  const brief = await db.db
    .selectFrom('briefs')
    .select(['id', 'head_revision'])
    .where('id', '=', input.briefId)
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!brief) return null
  const head = Number(brief.head_revision)
  if (input.revision !== null && !(Number.isInteger(input.revision) && input.revision >= 1 && input.revision <= head)) {
    throw new InvalidInputError([
      problem('revision', `the latest revision, or a revision number from 1 to ${head}`, describeValue(input.revision)),
    ])
  }
  if (input.expiresInDays !== null && !(SHARE_EXPIRY_DAYS as readonly number[]).includes(input.expiresInDays)) {
    throw new InvalidInputError([
      problem(
        'expiresInDays',
        `no expiry, or ${SHARE_EXPIRY_DAYS.join(', ')} days`,
        describeValue(input.expiresInDays),
      ),
    ])
  }
  const now = input.now ?? new Date()
  const token = newShareToken()
  const summary: ShareLinkSummary = {
    id: `s_${crypto.randomBytes(10).toString('hex')}`,
    briefId: input.briefId,
    name,
    revision: input.revision,
    prefix: token.slice(0, TOKEN_DISPLAY_LENGTH),
    createdAt: now.toISOString(),
    expiresAt:
      input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
    revokedAt: null,
    lastOpenedAt: null,
  }
  await db.db
    .insertInto('share_links')
    .values({
      id: summary.id,
      brief_id: summary.briefId,
      revision: summary.revision,
      name: summary.name,
      prefix: summary.prefix,
      hash: hashToken(token),
      created_at: summary.createdAt,
      expires_at: summary.expiresAt,
      revoked_at: null,
      last_opened_at: null,
    })
    .execute()
  return { token, summary }
}

/** Every link of a brief, revoked and expired ones included, newest first; null when the workspace has no such brief. */
export async function listShareLinks(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<ShareLinkSummary[] | null> {
  const brief = await db.db
    .selectFrom('briefs')
    .select('id')
    .where('id', '=', input.briefId)
    .where('workspace_id', '=', input.workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!brief) return null
  const rows = await db.db
    .selectFrom('share_links')
    .select([
      'id',
      'brief_id',
      'name',
      'revision',
      'prefix',
      'created_at',
      'expires_at',
      'revoked_at',
      'last_opened_at',
    ])
    .where('brief_id', '=', input.briefId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toSummary)
}

/** Revokes a link for good; revoking it again changes nothing. Null when the brief (in this workspace) has no such link. */
export async function revokeShareLink(
  db: Db,
  input: { workspaceId: string; briefId: string; linkId: string; now?: Date },
): Promise<ShareLinkSummary | null> {
  const links = await listShareLinks(db, input)
  const link = links?.find((l) => l.id === input.linkId)
  if (!link) return null
  if (link.revokedAt !== null) return link
  const revokedAt = (input.now ?? new Date()).toISOString()
  await db.db
    .updateTable('share_links')
    .set({ revoked_at: revokedAt })
    .where('id', '=', link.id)
    .where('revoked_at', 'is', null)
    .execute()
  return { ...link, revokedAt }
}

/**
 * The brief a token opens, or null for anything else: a malformed, unknown,
 * revoked or expired token, or one whose brief was deleted. The token's hash
 * is compared in constant time with every stored hash sharing its prefix,
 * and at least once when none does, as for check-in tokens.
 */
export async function openShareLink(db: Db, input: { token: string; now?: Date }): Promise<SharedBrief | null> {
  const presented = crypto.createHash('sha256').update(input.token, 'utf8').digest()
  const candidates = SHARE_PATTERN.test(input.token)
    ? await db.db
        .selectFrom('share_links')
        .innerJoin('briefs', 'briefs.id', 'share_links.brief_id')
        .select([
          'share_links.id',
          'share_links.brief_id',
          'share_links.hash',
          'share_links.revision',
          'share_links.expires_at',
          'share_links.revoked_at',
          'briefs.workspace_id',
          'briefs.deleted_at',
        ])
        .where('share_links.prefix', '=', input.token.slice(0, TOKEN_DISPLAY_LENGTH))
        .execute()
    : []
  let match: (typeof candidates)[number] | undefined
  for (const candidate of candidates) {
    const same = crypto.timingSafeEqual(Buffer.from(candidate.hash, 'hex'), presented)
    if (same && !match) match = candidate
  }
  if (candidates.length === 0) crypto.timingSafeEqual(NO_MATCH, presented)
  const now = input.now ?? new Date()
  if (!match || match.revoked_at !== null || match.deleted_at !== null) return null
  if (match.expires_at !== null && match.expires_at <= now.toISOString()) return null
  await db.db.updateTable('share_links').set({ last_opened_at: now.toISOString() }).where('id', '=', match.id).execute()
  return {
    linkId: match.id,
    workspaceId: match.workspace_id,
    briefId: match.brief_id,
    revision: match.revision === null ? null : Number(match.revision),
  }
}

/** Live, expired or revoked, as the brief page lists it. */
export function shareLinkState(link: ShareLinkSummary, now = new Date()): 'live' | 'expired' | 'revoked' {
  if (link.revokedAt !== null) return 'revoked'
  if (link.expiresAt !== null && link.expiresAt <= now.toISOString()) return 'expired'
  return 'live'
}

function checkName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length === 0 || trimmed.length > SHARE_NAME_MAX_LENGTH) {
    throw new InvalidInputError([
      problem(
        'name',
        `a name of 1 to ${SHARE_NAME_MAX_LENGTH} characters, such as "board meeting, March"`,
        describeValue(name),
      ),
    ])
  }
  return trimmed
}

function toSummary(row: {
  id: string
  brief_id: string
  name: string
  revision: number | null
  prefix: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_opened_at: string | null
}): ShareLinkSummary {
  return {
    id: row.id,
    briefId: row.brief_id,
    name: row.name,
    revision: row.revision === null ? null : Number(row.revision),
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastOpenedAt: row.last_opened_at,
  }
}
