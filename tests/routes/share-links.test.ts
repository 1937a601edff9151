import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ShareFormState } from '#app/components/saved-brief/share-panel.tsx'
import { action as briefAction, loader as briefLoader } from '#app/routes/briefs.$id.tsx'
import { loader as adrLoader } from '#app/routes/s.$token.adr[.zip].tsx'
import { loader as pdfLoader } from '#app/routes/s.$token.brief[.]pdf.tsx'
import { loader as markdownLoader } from '#app/routes/s.$token.brief[.md].tsx'
import { loader as radarLoader } from '#app/routes/s.$token.radar[.csv].tsx'
import { loader as sharedLoader, meta as sharedMeta } from '#app/routes/s.$token.tsx'
import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { SHARE_PATTERN } from '#app/services/share-links.server.ts'
import { actingAs } from '#app/web/access.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import type { Role } from '#db/schema.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { testIdentity } from '#tests/support/identity.ts'
import { location, named, thrown, unwrap } from './revisit-support.ts'

/**
 * Share links from the brief page to the shared page, against real databases:
 * made by owners and admins only, shown once, opened without any identity,
 * with the downloads; a revoked link is a 404 everywhere.
 */

const dbs = await testDatabases()

const as = (role: Role, workspaceId = LOCAL_WORKSPACE_ID): AppLoadContext =>
  actingAs(testIdentity({ role, workspaceId, userId: `u_${role}_${workspaceId}` }))

function post(id: string, fields: Record<string, string>, context: AppLoadContext = as('owner')) {
  const request = new Request(`http://localhost/briefs/${id}`, { method: 'POST', body: new URLSearchParams(fields) })
  return briefAction({ request, params: { id }, context })
}

/** The brief action's answer to a share form, typed as the share form's. */
async function postShare(id: string, fields: Record<string, string>) {
  const result = await post(id, { intent: 'share-create', name: 'board', ...fields })
  return unwrap(result as unknown as { data: { share: ShareFormState }; init: ResponseInit | null })
}

function briefPage(id: string, context: AppLoadContext = as('owner'), query = '') {
  return briefLoader({ request: new Request(`http://localhost/briefs/${id}${query}`), params: { id }, context })
}

/** A shared address opened with no identity at all: nothing of a session reaches it. */
function open<T>(
  loader: (args: { request: Request; params: { token: string }; context: AppLoadContext }) => T,
  token: string,
  file = '',
) {
  return loader({ request: new Request(`http://localhost/s/${token}${file}`), params: { token }, context: {} })
}

describe.each(dbs)('share links from the brief page on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
  })
  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  const newBrief = async (name = 'Shiftwise') =>
    (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: named(name) })).brief.id

  async function makeLink(id: string, fields: Record<string, string> = {}) {
    const { status, body, headers } = await postShare(id, fields)
    expect(status).toBe(200)
    expect(headers.get('Cache-Control')).toBe('no-store')
    const url = body.share.created?.url
    if (!url) throw new Error('expected a share link')
    const token = url.slice(url.lastIndexOf('/') + 1)
    expect(url).toBe(`http://localhost/s/${token}`)
    expect(token).toMatch(SHARE_PATTERN)
    return token
  }

  it('makes a link shown once; the page lists it by its first characters only', async () => {
    const id = await newBrief()
    const token = await makeLink(id, { name: '  board meeting ', expiresInDays: '30' })
    const page = await briefPage(id)
    expect(page.share?.links).toHaveLength(1)
    expect(page.share?.links[0]).toMatchObject({
      name: 'board meeting',
      prefix: token.slice(0, 8),
      revision: null,
      state: 'live',
      expiresAt: expect.any(String),
    })
    expect(JSON.stringify(page)).not.toContain(token)
  })

  it('opens the brief without an identity, marked noindex, with its four downloads', async () => {
    const id = await newBrief('Boardroom')
    const token = await makeLink(id)
    const { body, headers } = unwrap(await open(sharedLoader, token))
    expect(body.revision.brief.title).toBe('Boardroom')
    expect(body.followsLatest).toBe(true)
    expect(body.base).toBe(`/s/${token}`)
    expect(body.revision.bodyHtml).toContain('Boardroom')
    expect(headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
    expect(headers.get('Cache-Control')).toBe('private, no-store')
    const meta = sharedMeta({ data: body } as never)
    expect(meta).toContainEqual({ name: 'robots', content: 'noindex, nofollow' })

    const files = [
      [markdownLoader, '/brief.md', 'text/markdown; charset=utf-8'],
      [pdfLoader, '/brief.pdf', 'application/pdf'],
      [adrLoader, '/adr.zip', 'application/zip'],
      [radarLoader, '/radar.csv', 'text/csv; charset=utf-8'],
    ] as const
    for (const [loader, file, type] of files) {
      const response = (await open(loader, token, file)) as Response
      expect(response.status, file).toBe(200)
      expect(response.headers.get('Content-Type')).toBe(type)
      expect(response.headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
      expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="boardroom-r1/)
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100)
    }
    const markdown = await ((await open(markdownLoader, token, '/brief.md')) as Response).text()
    expect(markdown).toMatch(/^# Architecture Decision Brief: Boardroom\n/)
  })

  it('follows the latest revision, or stays on the one it fixed', async () => {
    const id = await newBrief('Revised')
    const latest = await makeLink(id)
    const fixed = await makeLink(id, { revision: '1' })
    await addRevision(db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: id, answers: named('Revised again') })
    expect(unwrap(await open(sharedLoader, latest)).body.revision).toMatchObject({ number: 2 })
    const pinned = unwrap(await open(sharedLoader, fixed)).body
    expect(pinned.revision).toMatchObject({ number: 1, brief: { title: 'Revised' } })
    expect(pinned.followsLatest).toBe(false)
    const page = await briefPage(id)
    expect(page.share?.links.map((l) => l.revision).sort()).toEqual([1, null])
  })

  it('answers 404 on the page and every download once revoked', async () => {
    const id = await newBrief()
    const token = await makeLink(id)
    const keep = await makeLink(id, { name: 'auditor' })
    const page = await briefPage(id)
    const linkId = page.share?.links.find((l) => l.name === 'board')?.id ?? ''
    const to = location(await post(id, { intent: 'share-revoke', linkId }))
    expect(to).toBe(`/briefs/${id}?shareRevoked=${linkId}#share`)
    const after = await briefPage(id, as('owner'), `?shareRevoked=${linkId}`)
    expect(after.share?.revoked).toMatchObject({ id: linkId, state: 'revoked' })

    const refused = await thrown(() => open(sharedLoader, token))
    expect(refused.status).toBe(404)
    expect(refused.headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
    for (const [loader, file] of [
      [markdownLoader, '/brief.md'],
      [pdfLoader, '/brief.pdf'],
      [adrLoader, '/adr.zip'],
      [radarLoader, '/radar.csv'],
    ] as const) {
      expect((await thrown(() => open(loader, token, file))).status, file).toBe(404)
    }
    expect(unwrap(await open(sharedLoader, keep)).status).toBe(200)
  })

  it('answers the same 404 for a malformed or unknown token', async () => {
    for (const token of ['nope', 'sbs_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', `sbs_${'A'.repeat(33)}`]) {
      expect((await thrown(() => open(sharedLoader, token))).status).toBe(404)
    }
  })

  it('keeps share links to owners and admins: others see no panel and their posts are refused', async () => {
    const id = await newBrief()
    await makeLink(id)
    expect((await briefPage(id, as('admin'))).share?.links).toHaveLength(1)
    for (const role of ['editor', 'viewer'] as const) {
      expect((await briefPage(id, as(role))).share).toBeNull()
      expect((await thrown(() => post(id, { intent: 'share-create', name: 'x' }, as(role)))).status).toBe(403)
    }
    const linkId = (await briefPage(id)).share?.links[0]?.id ?? ''
    expect((await thrown(() => post(id, { intent: 'share-revoke', linkId }, as('editor')))).status).toBe(403)
    // Another workspace's owner does not see the brief at all.
    await db.db
      .insertInto('workspaces')
      .values({ id: 'w_other', name: 'Other', created_at: new Date().toISOString() })
      .execute()
    const stranger = as('owner', 'w_other')
    expect((await thrown(() => post(id, { intent: 'share-create', name: 'x' }, stranger))).status).toBe(404)
    expect((await thrown(() => post(id, { intent: 'share-revoke', linkId }, stranger))).status).toBe(404)
    expect((await briefPage(id)).share?.links[0]?.state).toBe('live')
  })

  it('a name, revision or expiry that is not one is a 400 that keeps what was typed', async () => {
    const id = await newBrief()
    for (const [fields, message] of [
      [{ name: '' }, /^Who it is for: expected a name of 1 to 80 characters/],
      [{ revision: '9' }, /^Shows: expected the latest revision, or a revision number from 1 to 1/],
      [{ expiresInDays: '12' }, /^Expires: expected no expiry, or 7, 30, 90 days/],
    ] as const) {
      const { status, body } = await postShare(id, fields)
      expect(status).toBe(400)
      expect(body.share.form?.error).toMatch(message)
      expect(body.share.form?.name).toBe(fields.name ?? 'board')
    }
    expect((await briefPage(id)).share?.links).toEqual([])
  })
})
