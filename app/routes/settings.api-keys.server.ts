import { type AppLoadContext, data, redirect } from '@remix-run/node'
import { z } from 'zod'
import { REVOKE_KEY_INTENT } from '#app/components/settings/api-keys-intents.ts'
import { API_KEY_NAME_MAX_LENGTH, createApiKey, listApiKeys, revokeApiKey } from '#app/services/api-keys.server.ts'
import { readForm } from '#app/web/form-body.server.ts'
import { requirePageAccess } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/** /settings/api-keys: a signed-in person's keys for scripts and CI, made and revoked here. */

const KeyNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the key after the script or job that uses it.')
  .max(API_KEY_NAME_MAX_LENGTH, `A key's name is at most ${API_KEY_NAME_MAX_LENGTH} characters.`)

/** Keys act as an account: an anonymous identity makes an account first. */
async function requireAccount(context: AppLoadContext | undefined) {
  const access = await requirePageAccess(context, 'brief:read')
  return access.identity.anonymous ? null : access
}

export async function loadApiKeys(request: Request, context: AppLoadContext | undefined) {
  const access = await requireAccount(context)
  if (!access) return { account: false as const, keys: [], revoked: false }
  const keys = await listApiKeys(await getDb(), { userId: access.identity.userId })
  return { account: true as const, keys, revoked: new URL(request.url).searchParams.has('revoked') }
}

export async function apiKeysAction(request: Request, context: AppLoadContext | undefined) {
  const access = await requireAccount(context)
  if (!access) throw redirect('/sign-up?returnTo=/settings/api-keys')
  const form = await readForm(request)
  const db = await getDb()
  if (form.get('intent') === REVOKE_KEY_INTENT) {
    const keyId = String(form.get('keyId') ?? '')
    const revoked = await revokeApiKey(db, { userId: access.identity.userId, keyId })
    if (!revoked) throw new Response('You have no live key with that id.', { status: 404 })
    return redirect('/settings/api-keys?revoked=1')
  }
  const rawName = String(form.get('name') ?? '').slice(0, 300)
  const name = KeyNameSchema.safeParse(rawName)
  if (!name.success) return data({ created: null, name: rawName, error: name.error.issues[0].message }, 400)
  const made = await createApiKey(db, {
    userId: access.identity.userId,
    workspaceId: access.workspaceId,
    name: name.data,
  })
  return data({ created: { key: made.key, name: made.summary.name }, name: '', error: null }, 201)
}
