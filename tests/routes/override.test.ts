import { describe, expect, it } from 'vitest'
import { action as revisionAction, loader as revisionLoader } from '#app/routes/briefs.$id.revisions.$n.tsx'
import { action as latestAction, loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { getRevision } from '#app/services/briefs.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { useRouteDatabase } from '#tests/support/route-database.ts'
import { args, location, thrown, unwrap } from './revisit-support.ts'

/** The brief page's override form: the next revision with the person's choice, or a 422 with field messages. */

type Refused = { override: { values: Record<string, string>; errors: Record<string, string> } }

describe.each(await testDatabases())('overriding a decision on $name', (t) => {
  const route = useRouteDatabase(t)

  it('opens the form for one area with its vocabulary, and makes the next revision with the override', async () => {
    const id = await route.newBrief()
    const page = await revisionLoader(args(`/briefs/${id}/revisions/1?override=email`, { id, n: '1' }))
    expect(page.overridePanel?.area).toBe('email')
    expect(page.overridePanel?.choices.map((c) => c.id)).toEqual(['postmark', 'resend', 'amazon_ses'])
    const recommended = page.overridePanel?.current.id
    const choice = recommended === 'amazon_ses' ? 'postmark' : 'amazon_ses'
    const fields = { intent: 'override', area: 'email', choice, reason: 'The client runs on AWS', by: 'Dana Reyes' }
    const done = await revisionAction(args(`/briefs/${id}/revisions/1`, { id, n: '1' }, fields))
    expect(location(done)).toBe(`/briefs/${id}/revisions/2#decision-email`)
    const next = await getRevision(route.db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: id, number: 2 })
    expect(next?.answers.overrides).toEqual([
      { area: 'email', choice, reason: 'The client runs on AWS', by: 'Dana Reyes' },
    ])
    const email = next?.brief.decisions.find((d) => d.area === 'email')
    expect(email?.choice.id).toBe(choice)
    expect(email?.override?.recommended.id).toBe(recommended)
    // The latest page overrides too, replacing the earlier override of the same area.
    const again = { ...fields, choice: 'resend', reason: 'Changed our minds' }
    expect(location(await latestAction(args(`/briefs/${id}`, { id }, again)))).toBe(
      `/briefs/${id}/revisions/3#decision-email`,
    )
    const third = await getRevision(route.db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: id, number: 3 })
    expect(third?.answers.overrides?.map((o) => o.choice)).toEqual(['resend'])
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).headRevision).toBe(3)
  })

  it('refuses bad input with a 422, a message at each field, and what was typed kept', async () => {
    const id = await route.newBrief()
    const fields = { intent: 'override', area: 'email', choice: 'mailgun', reason: '', by: 'x'.repeat(121) }
    const result = await revisionAction(args(`/briefs/${id}/revisions/1`, { id, n: '1' }, fields))
    const { status, body } = unwrap<Refused>(result as never)
    expect(status).toBe(422)
    expect(body.override.values).toEqual({ area: 'email', choice: 'mailgun', reason: '', by: 'x'.repeat(121) })
    expect(body.override.errors).toEqual({
      choice: 'Expected one of postmark, resend, amazon_ses, got "mailgun"',
      reason: 'Say why, in up to 1,000 characters.',
      by: expect.stringContaining('at most 120 characters'),
    })
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).headRevision).toBe(1)
  })

  it('needs the brief in this workspace, as "Edit answers" does', async () => {
    const fields = { intent: 'override', area: 'email', choice: 'resend', reason: 'x', by: 'y' }
    const refused = await thrown(() => latestAction(args('/briefs/b_nope', { id: 'b_nope' }, fields)))
    expect(refused.status).toBe(404)
  })
})
