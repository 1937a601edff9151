import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import type { ShareFormState, ShareLinkView, SharePanelData } from '#app/components/saved-brief/share-panel.tsx'
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
  SHARE_EXPIRY_DAYS,
  SHARE_NAME_MAX_LENGTH,
  type ShareLinkSummary,
  shareLinkState,
} from '#app/services/share-links.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { getDb } from '#db/client.server.ts'
import { allows, identityOf } from './access.server.ts'
import { publicOrigin } from './load-context.ts'
import { notFound, workspaceFor } from './request.server.ts'

/**
 * The brief page's share links: listed for those who may share (owners and
 * admins; null for everyone else, who sees no panel), made and revoked by
 * forms posted to the page. A new link is in the answer to the POST that made
 * it and nowhere else.
 */

const NO_STORE = { 'Cache-Control': 'no-store' }

export async function loadSharePanel(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string,
  headRevision: number,
): Promise<SharePanelData | null> {
  const identity = await identityOf(context)
  if (!identity || !allows(identity.role, 'brief:share')) return null
  const links = ((await listShareLinks(await getDb(), { workspaceId: identity.workspaceId, briefId })) ?? []).map(
    toView,
  )
  const revokedId = new URL(request.url).searchParams.get('shareRevoked')
  return {
    links,
    headRevision,
    nameMaxLength: SHARE_NAME_MAX_LENGTH,
    expiryDays: SHARE_EXPIRY_DAYS,
    revoked: links.find((l) => l.id === revokedId && l.state === 'revoked') ?? null,
  }
}

/** POST intent share-create: the new link, once, or a 400 with what was typed and what is wrong. */
export async function shareCreateAction(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  form: FormData,
) {
  const id = briefId ?? ''
  const workspaceId = await workspaceFor(context, 'brief:share')
  const values = {
    name: String(form.get('name') ?? '').slice(0, 1000),
    revision: String(form.get('revision') ?? 'latest').slice(0, 20),
    expiresInDays: String(form.get('expiresInDays') ?? '').slice(0, 20),
  }
  const refuse = (error: string) =>
    data<{ share: ShareFormState }>({ share: { created: null, form: { ...values, error } } }, { status: 400 })
  const revision = values.revision === 'latest' || values.revision === '' ? null : Number(values.revision)
  const expiresInDays = values.expiresInDays === '' ? null : Number(values.expiresInDays)
  try {
    const made = await createShareLink(await getDb(), {
      workspaceId,
      briefId: id,
      name: values.name,
      revision,
      expiresInDays,
    })
    if (!made) throw notFound(`There is no brief with the id “${id}” in this workspace.`)
    const url = `${publicOrigin(context, request)}/s/${made.token}`
    return data<{ share: ShareFormState }>(
      { share: { created: { url, name: made.summary.name }, form: null } },
      { headers: NO_STORE },
    )
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    const first = error.problems[0]
    const field =
      { name: 'Who it is for', revision: 'Shows', expiresInDays: 'Expires' }[first?.path ?? ''] ?? 'Share link'
    return refuse(`${field}: ${first?.message ?? 'not valid'}`)
  }
}

/** POST intent share-revoke: revoked for good, then back to the page's share links. */
export async function shareRevokeAction(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  form: FormData,
) {
  const id = briefId ?? ''
  const workspaceId = await workspaceFor(context, 'brief:share')
  const linkId = String(form.get('linkId') ?? '').slice(0, 60)
  const revoked = await revokeShareLink(await getDb(), { workspaceId, briefId: id, linkId })
  if (!revoked) throw notFound('This brief has no such share link.')
  const page = new URL(request.url).pathname
  return redirect(`${page}?shareRevoked=${encodeURIComponent(revoked.id)}#share`)
}

function toView(link: ShareLinkSummary): ShareLinkView {
  const { briefId: _, ...rest } = link
  return { ...rest, state: shareLinkState(link) }
}
