import { describe, expect, it } from 'vitest'
import { loader as markdownLoader } from '#app/routes/briefs.$id.revisions.$n.brief[.md].tsx'
import { action as revisionAction } from '#app/routes/briefs.$id.revisions.$n.tsx'
import { action as latestAction, loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { testDatabases } from '#tests/support/databases.ts'
import { useRouteDatabase } from '#tests/support/route-database.ts'
import { args, location, unwrap } from './revisit-support.ts'

/** The brief page's export options: saved per brief, refused with field messages, carried by the downloads. */

type Refused = { exportOptions: { values: Record<string, string>; errors: Record<string, string> } }

describe.each(await testDatabases())('export options on $name', (t) => {
  const route = useRouteDatabase(t)

  it('start at A4 with no names, and are remembered for the brief once saved', async () => {
    const id = await route.newBrief()
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).exportOptions).toEqual({ pageSize: 'a4' })
    const fields = { intent: 'export-options', pageSize: 'letter', preparedBy: '  Ada Lovelace ', preparedFor: '' }
    const saved = await latestAction(args(`/briefs/${id}`, { id }, fields))
    expect(location(saved as Response)).toBe(`/briefs/${id}?saved=export-options#export-options`)
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).exportOptions).toEqual({
      pageSize: 'letter',
      preparedBy: 'Ada Lovelace',
    })
    // Saving again replaces, from a revision's own page too.
    const again = { intent: 'export-options', pageSize: 'A4', preparedBy: '', preparedFor: 'Acme Ltd' }
    await revisionAction(args(`/briefs/${id}/revisions/1`, { id, n: '1' }, again))
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).exportOptions).toEqual({
      pageSize: 'a4',
      preparedFor: 'Acme Ltd',
    })
  })

  it('refuses a bad form with a message at each field and keeps what was typed', async () => {
    const id = await route.newBrief()
    const fields = { intent: 'export-options', pageSize: 'a5', preparedBy: 'x'.repeat(121), preparedFor: 'Acme\u0007' }
    const { status, body } = unwrap<Refused>((await latestAction(args(`/briefs/${id}`, { id }, fields))) as Response)
    expect(status).toBe(400)
    expect(body.exportOptions.values).toEqual({
      pageSize: 'a5',
      preparedBy: 'x'.repeat(121),
      preparedFor: 'Acme\u0007',
    })
    expect(body.exportOptions.errors).toEqual({
      pageSize: 'Choose A4 or Letter.',
      preparedBy: 'At most 120 characters.',
      preparedFor: 'One line of text, no control characters.',
    })
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).exportOptions).toEqual({ pageSize: 'a4' })
  })

  it('a brief that does not exist is a 404, not a saved row, and so is a bad form for it', async () => {
    const fields = { intent: 'export-options', pageSize: 'a4', preparedBy: '', preparedFor: '' }
    const outcome = await latestAction(args('/briefs/b_nope', { id: 'b_nope' }, fields)).catch((e: unknown) => e)
    expect((outcome as Response).status).toBe(404)
    const bad = { ...fields, pageSize: 'a5' }
    const refused = await latestAction(args('/briefs/b_nope', { id: 'b_nope' }, bad)).catch((e: unknown) => e)
    expect((refused as Response).status).toBe(404)
  })

  it('the Markdown download puts the names under the title, and refuses a name that is too long', async () => {
    const id = await route.newBrief()
    const ok = await markdownLoader(
      args(`/briefs/${id}/revisions/1/brief.md?preparedBy=Ada+Lovelace&client=Acme+Ltd`, { id, n: '1' }),
    )
    expect((await ok.text()).split('\n').slice(0, 3)).toEqual([
      '# Architecture Decision Brief: Shiftwise',
      '',
      'Prepared by Ada Lovelace for Acme Ltd.',
    ])
    const bad = await markdownLoader(
      args(`/briefs/${id}/revisions/1/brief.md?client=${'x'.repeat(121)}`, { id, n: '1' }),
    )
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('client')
  })
})
