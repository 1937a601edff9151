import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { getBrief } from '#app/services/briefs.server.ts'
import { isoDate } from '#app/services/support/dates.server.ts'
import { InvalidInputError, noBriefMessage } from '#app/services/support/errors.server.ts'
import {
  createToken,
  listTokens,
  revokeToken,
  TOKEN_NAME_MAX_LENGTH,
  type TokenSummary,
} from '#app/services/tokens.server.ts'
import { readForm } from '#app/web/form-body.server.ts'
import { briefNotFound, notFound, workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/**
 * /briefs/:id/tokens: tokens that let a script post check-ins for one brief.
 * A new token is in the answer to the POST that made it and nowhere else:
 * that answer is not cached, and no page shows the token again.
 */

export interface TokensPageData {
  briefId: string
  title: string
  tokens: TokenSummary[]
  nameMaxLength: number
  /** The token just revoked, from ?revoked=. */
  revoked: TokenSummary | null
}

export interface NewTokenView {
  token: string
  name: string
  prefix: string
  curl: string
}

export interface TokenFormResult {
  created: NewTokenView | null
  /** The name as typed, with what is wrong with it. */
  form: { name: string; error: string } | null
}

const NO_STORE = { 'Cache-Control': 'no-store' }

async function requireBrief(
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  permission: 'brief:read' | 'brief:share',
) {
  const db = await getDb()
  const workspaceId = await workspaceFor(context, permission)
  const id = briefId ?? ''
  const brief = id ? await getBrief(db, { workspaceId, briefId: id }) : null
  if (!brief) throw briefNotFound(id)
  return { db, workspaceId, id, title: brief.title }
}

export async function loadTokensPage(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
): Promise<TokensPageData> {
  const { db, workspaceId, id, title } = await requireBrief(context, briefId, 'brief:read')
  const tokens = (await listTokens(db, { workspaceId, briefId: id })) ?? []
  const revokedId = new URL(request.url).searchParams.get('revoked')
  return {
    briefId: id,
    title,
    tokens,
    nameMaxLength: TOKEN_NAME_MAX_LENGTH,
    revoked: tokens.find((t) => t.id === revokedId && t.revokedAt !== null) ?? null,
  }
}

/**
 * POST /briefs/:id/tokens: the new token, once, with a curl line that uses it; or a 400 naming the field.
 * `origin` is the configured public origin (server.ts), not the request's Host.
 */
export async function createTokenFromForm(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  origin: string,
) {
  const { db, workspaceId, id } = await requireBrief(context, briefId, 'brief:share')
  const form = await readForm(request)
  const name = String(form.get('name') ?? '')
  try {
    const made = await createToken(db, { workspaceId, briefId: id, name })
    if (!made) throw briefNotFound(id)
    const created: NewTokenView = {
      token: made.token,
      name: made.summary.name,
      prefix: made.summary.prefix,
      curl: curlExample(origin, id, made.token),
    }
    return data<TokenFormResult>({ created, form: null }, { headers: NO_STORE })
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    return data<TokenFormResult>(
      { created: null, form: { name, error: `Name: ${error.problems[0]?.message ?? 'expected a name'}` } },
      { status: 400, headers: NO_STORE },
    )
  }
}

export function curlExample(origin: string, briefId: string, token: string): string {
  const body = JSON.stringify({ measuredAt: isoDate(new Date()), activeUsers: 1200, engineers: 6 })
  return [
    `curl -X POST ${origin}/api/v1/briefs/${briefId}/signals \\`,
    `  -H "Authorization: Bearer ${token}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}'`,
  ].join('\n')
}

export interface RevokePageData {
  briefId: string
  title: string
  token: TokenSummary
}

async function requireToken(
  _request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  tokenId: string | undefined,
) {
  const found = await requireBrief(context, briefId, 'brief:share')
  const tokens = (await listTokens(found.db, { workspaceId: found.workspaceId, briefId: found.id })) ?? []
  const token = tokens.find((t) => t.id === tokenId)
  if (!token) throw notFound('This brief has no such token. It may have been made for another brief.')
  return { ...found, token }
}

/** GET /briefs/:id/tokens/:tokenId/revoke: the confirmation step, which works without scripts. */
export async function loadRevokePage(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  tokenId: string | undefined,
): Promise<RevokePageData> {
  const { id, title, token } = await requireToken(request, context, briefId, tokenId)
  return { briefId: id, title, token }
}

/** POST /briefs/:id/tokens/:tokenId/revoke: revokes for good, then back to the list. */
export async function revokeFromForm(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  tokenId: string | undefined,
) {
  const { db, workspaceId, id, token } = await requireToken(request, context, briefId, tokenId)
  await revokeToken(db, { workspaceId, briefId: id, tokenId: token.id })
  return redirect(`/briefs/${encodeURIComponent(id)}/tokens?revoked=${encodeURIComponent(token.id)}`)
}
