import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MemberFormReply } from '#app/components/settings/members-intents.ts'
import { action as briefAction, loader as briefLoader } from '#app/routes/briefs.$id.tsx'
import { action as acceptAction, loader as invitationLoader } from '#app/routes/invitations.$token.tsx'
import { action as membersAction, loader as membersLoader } from '#app/routes/settings.members.tsx'
import { membershipOf, placeNewAccount } from '#app/services/accounts.server.ts'
import { createBrief } from '#app/services/briefs.server.ts'
import { INVITATION_PATTERN, listMembers, openInvitation } from '#app/services/members.server.ts'
import { actingAs, type Identity } from '#app/web/access.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { testIdentity } from '#tests/support/identity.ts'
import { insertUsers } from '#tests/support/users.ts'
import { location, named, thrown, unwrap } from './revisit-support.ts'

/**
 * Invitations and the members page against real databases: an owner invites
 * by email, the invited account joins through the link and works in the
 * workspace with its role, roles change and members leave under the owner
 * rules, and a viewer's brief page has no forms while its posts are refused.
 */

const dbs = await testDatabases()

describe.each(dbs)('members and invitations on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
    await insertUsers(db, [
      { id: 'u_owner', name: 'Olu Owner', email: 'owner@example.test' },
      { id: 'u_ana', name: 'Ana', email: 'ana@example.test' },
      { id: 'u_bo', name: 'Bo', email: 'bo@example.test' },
      { id: 'u_cy', name: 'Cy', email: 'cy@example.test' },
    ])
    for (const userId of ['u_owner', 'u_ana', 'u_bo', 'u_cy']) {
      await placeNewAccount(db, { userId, anonymous: false, name: userId })
    }
  })
  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  /** The identity the server would resolve for this account now: its chosen workspace and role there. */
  async function as(userId: string, email: string): Promise<AppLoadContext> {
    const membership = await membershipOf(db.db, userId)
    if (!membership) throw new Error(`${userId} has no workspace`)
    const identity: Identity = testIdentity({ userId, email, name: userId, ...membership })
    return actingAs(identity)
  }
  const owner = () => as('u_owner', 'owner@example.test')

  function post(context: AppLoadContext, fields: Record<string, string>) {
    const request = new Request('http://localhost/settings/members', {
      method: 'POST',
      body: new URLSearchParams(fields),
    })
    return membersAction({ request, params: {}, context })
  }
  const reply = async (context: AppLoadContext, fields: Record<string, string>) =>
    unwrap((await post(context, fields)) as unknown as { data: MemberFormReply; init: ResponseInit | null })
  const page = async (context: AppLoadContext) => {
    const data = await membersLoader({ request: new Request('http://localhost/settings/members'), params: {}, context })
    if (!data.account) throw new Error('expected an account')
    return data
  }

  async function invite(email: string, role: string) {
    const { status, body } = await reply(await owner(), { intent: 'invite', email, role })
    expect(status).toBe(200)
    const url = body.invited?.url ?? ''
    const token = url.slice(url.lastIndexOf('/') + 1)
    expect(url).toBe(`http://localhost/invitations/${token}`)
    expect(token).toMatch(INVITATION_PATTERN)
    return token
  }
  const accept = (token: string, context: AppLoadContext) =>
    acceptAction({
      request: new Request(`http://localhost/invitations/${token}`, { method: 'POST' }),
      params: { token },
      context,
    })

  it('the first account owns the local workspace, and sees itself on the members page with every form', async () => {
    const view = await page(await owner())
    expect(view.workspace.id).toBe(LOCAL_WORKSPACE_ID)
    expect(view.members.map((m) => [m.email, m.role])).toEqual([['owner@example.test', 'owner']])
    expect(view.can).toEqual({ invite: true, remove: true })
  })

  it('invites by email; the invited account joins with its role and works in that workspace', async () => {
    const token = await invite(' Ana@Example.test ', 'editor')
    expect((await page(await owner())).invitations).toMatchObject([{ email: 'ana@example.test', role: 'editor' }])
    const stored = await db.db.selectFrom('workspace_invitations').selectAll().execute()
    expect(JSON.stringify(stored)).not.toContain(token)

    // Someone else signed in sees the invitation but cannot take it.
    const bo = await as('u_bo', 'bo@example.test')
    expect(
      await invitationLoader({ request: new Request('http://localhost/'), params: { token }, context: bo }),
    ).toMatchObject({
      workspaceName: expect.any(String),
      role: 'editor',
      email: 'ana@example.test',
      matches: false,
    })
    expect(unwrap(await accept(token, bo)).status).toBe(403)
    // Not signed in: sent to sign in first, and back here after.
    expect(location(await thrown(() => accept(token, {})))).toBe(
      `/sign-in?returnTo=${encodeURIComponent(`/invitations/${token}`)}`,
    )

    const ana = await as('u_ana', 'ana@example.test')
    expect(location(await accept(token, ana))).toBe('/settings/members?done=joined')
    expect(await membershipOf(db.db, 'u_ana')).toEqual({ workspaceId: LOCAL_WORKSPACE_ID, role: 'editor' })
    const listed = await listMembers(db, LOCAL_WORKSPACE_ID)
    expect(listed.map((m) => [m.email, m.role])).toEqual([
      ['owner@example.test', 'owner'],
      ['ana@example.test', 'editor'],
    ])
    // Used once: the link opens nothing now.
    expect(await openInvitation(db, { token })).toBeNull()
    expect((await thrown(() => accept(token, ana))).status).toBe(404)
    const anaPage = await page(await as('u_ana', 'ana@example.test'))
    expect(anaPage.can).toEqual({ invite: false, remove: false })
    expect(anaPage.invitations).toEqual([])
    expect(anaPage.memberships.map((m) => m.role).sort()).toEqual(['editor', 'owner'])
  })

  it('refuses invitations from those who may not invite, and bad addresses or roles', async () => {
    const ana = await as('u_ana', 'ana@example.test')
    expect((await thrown(() => post(ana, { intent: 'invite', email: 'x@example.test', role: 'viewer' }))).status).toBe(
      403,
    )
    for (const [email, role, error] of <[string, string, RegExp][]>[
      ['not an address', 'viewer', /^Email: expected an email address/],
      ['x@example.test', 'owner', /^Role: expected one of viewer, editor, admin/],
      ['ana@example.test', 'viewer', /already a member/],
    ]) {
      const { status, body } = await reply(await owner(), { intent: 'invite', email, role })
      expect(status).toBeGreaterThanOrEqual(400)
      expect(body.error).toMatch(error)
    }
  })

  it('a revoked invitation is a 404', async () => {
    const token = await invite('cy@example.test', 'viewer')
    const pending = (await page(await owner())).invitations.find((i) => i.email === 'cy@example.test')
    expect(location(await post(await owner(), { intent: 'revoke-invitation', invitationId: pending?.id ?? '' }))).toBe(
      '/settings/members?done=revoked',
    )
    const cy = await as('u_cy', 'cy@example.test')
    expect(
      (
        await thrown(() =>
          invitationLoader({ request: new Request('http://localhost/'), params: { token }, context: cy }),
        )
      ).status,
    ).toBe(404)
    expect((await thrown(() => accept(token, cy))).status).toBe(404)
  })

  it('a viewer reads a brief with no forms on its page, and its posts are refused', async () => {
    const token = await invite('bo@example.test', 'viewer')
    const bo = await as('u_bo', 'bo@example.test')
    await accept(token, bo)
    const viewer = await as('u_bo', 'bo@example.test')
    const id = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: named('Shared rota') })).brief.id
    const view = await briefLoader({
      request: new Request(`http://localhost/briefs/${id}?override=database`),
      params: { id },
      context: viewer,
    })
    expect(view.revision.brief.title).toBe('Shared rota')
    expect(view.can).toEqual({ revise: false, share: false, delete: false })
    expect(view.overridePanel).toBeNull()
    expect(view.share).toBeNull()
    expect(view.revision.bodyHtml).not.toContain('?override=')
    const editorView = await briefLoader({
      request: new Request(`http://localhost/briefs/${id}`),
      params: { id },
      context: await as('u_ana', 'ana@example.test'),
    })
    expect(editorView.can).toEqual({ revise: true, share: false, delete: false })
    expect(editorView.revision.bodyHtml).toContain('?override=')

    for (const fields of <Record<string, string>[]>[
      { intent: 'review-by', reviewBy: '2030-01-01' },
      { intent: 'note-add', section: 'risks', body: 'a note' },
      { intent: 'share-create', name: 'x' },
    ]) {
      const request = new Request(`http://localhost/briefs/${id}`, {
        method: 'POST',
        body: new URLSearchParams(fields),
      })
      expect(
        (await thrown(() => briefAction({ request, params: { id }, context: viewer }))).status,
        fields.intent,
      ).toBe(403)
    }
  })

  it('changes roles and removes members, keeps the last owner, and leaves owners to owners', async () => {
    expect(location(await post(await owner(), { intent: 'change-role', userId: 'u_ana', role: 'admin' }))).toBe(
      '/settings/members?done=role',
    )
    const admin = await as('u_ana', 'ana@example.test')
    expect((await page(admin)).can).toEqual({ invite: true, remove: true })
    // An admin does not touch owners, nor make one.
    for (const fields of <Record<string, string>[]>[
      { intent: 'change-role', userId: 'u_owner', role: 'viewer' },
      { intent: 'change-role', userId: 'u_bo', role: 'owner' },
      { intent: 'remove-member', userId: 'u_owner' },
    ]) {
      const { status, body } = await reply(admin, fields)
      expect(status).toBe(409)
      expect(body.error).toMatch(/^Only an owner/)
    }
    // The last owner can neither step down nor leave.
    for (const fields of <Record<string, string>[]>[
      { intent: 'change-role', userId: 'u_owner', role: 'admin' },
      { intent: 'remove-member', userId: 'u_owner' },
    ]) {
      const { status, body } = await reply(await owner(), fields)
      expect(status).toBe(409)
      expect(body.error).toMatch(/owner/)
    }
    expect((await reply(await owner(), { intent: 'remove-member', userId: 'u_nobody' })).status).toBe(404)
    // With a second owner, the first may step down.
    await post(await owner(), { intent: 'change-role', userId: 'u_ana', role: 'owner' })
    expect(location(await post(await owner(), { intent: 'change-role', userId: 'u_owner', role: 'admin' }))).toBe(
      '/settings/members?done=role',
    )
    // An admin removes a viewer; the viewer is back in its own workspace, seeing nothing of this one.
    expect(location(await post(await owner(), { intent: 'remove-member', userId: 'u_bo' }))).toBe(
      '/settings/members?done=removed',
    )
    expect((await membershipOf(db.db, 'u_bo'))?.workspaceId).not.toBe(LOCAL_WORKSPACE_ID)
    expect((await listMembers(db, LOCAL_WORKSPACE_ID)).map((m) => [m.userId, m.role])).toEqual([
      ['u_owner', 'admin'],
      ['u_ana', 'owner'],
    ])
  })

  it('a member of several workspaces chooses the one to work in', async () => {
    const ana = await as('u_ana', 'ana@example.test')
    const own = (await page(ana)).memberships.find((m) => m.workspaceId !== LOCAL_WORKSPACE_ID)
    if (!own) throw new Error('expected a second workspace')
    expect(location(await post(ana, { intent: 'choose-workspace', workspaceId: own.workspaceId }))).toBe(
      '/settings/members?done=chosen',
    )
    expect((await membershipOf(db.db, 'u_ana'))?.workspaceId).toBe(own.workspaceId)
    expect((await reply(ana, { intent: 'choose-workspace', workspaceId: 'w_not_mine' })).status).toBe(404)
  })
})
