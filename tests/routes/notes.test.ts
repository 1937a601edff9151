import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { RevisionWithNotesSchema } from '#app/api/schemas.server.ts'
import { BRIEF_SECTIONS } from '#app/components/brief/brief-view.tsx'
import { loader as adrZipLoader } from '#app/routes/briefs.$id.revisions.$n.adr[.zip].tsx'
import { loader as pdfLoader } from '#app/routes/briefs.$id.revisions.$n.brief[.]pdf.tsx'
import { loader as markdownLoader } from '#app/routes/briefs.$id.revisions.$n.brief[.md].tsx'
import { action as revisionAction, loader as revisionLoader } from '#app/routes/briefs.$id.revisions.$n.tsx'
import { action as latestAction, loader as latestLoader } from '#app/routes/briefs.$id.tsx'
import { addRevision } from '#app/services/briefs.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { EXAMPLE_ANSWERS, useRouteDatabase } from '#tests/support/route-database.ts'
import { api } from './api-client.ts'
import { args, location, unwrap } from './revisit-support.ts'

/** Notes on the brief page: added, refused with field messages, carried to the next revision, escaped in Markdown. */

type Refused = { note: { values: Record<string, string>; errors: Record<string, string> } }
describe.each(await testDatabases())('notes on the brief page on $name', (t) => {
  const route = useRouteDatabase(t)

  it('adds a note, carries it to the next revision and into the Markdown, and removes it from a revision on', async () => {
    const id = await route.newBrief()
    const body = 'Ask about the **credits**.\n<script>alert(1)</script>'
    const added = await revisionAction(
      args(`/briefs/${id}/revisions/1`, { id, n: '1' }, { intent: 'note-add', section: 'costs', body }),
    )
    expect(location(added)).toBe(`/briefs/${id}/revisions/1#notes`)
    await addRevision(route.db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: id, answers: EXAMPLE_ANSWERS })
    const latest = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(latest.notes.map((n) => [n.section, n.body])).toEqual([['costs', body]])

    const markdown = await (
      (await markdownLoader(args(`/briefs/${id}/revisions/2/brief.md`, { id, n: '2' }))) as Response
    ).text()
    expect(markdown).toContain('## Notes\n\n**On 12-month cost bands:**\n\n> Ask about the')
    // Escaped, so a renderer shows the text rather than running it.
    expect(markdown).toContain('> \\<script>alert(1)\\</script>')
    expect(markdown).not.toMatch(/(?<!\\)<script>/)

    const pdf = (await pdfLoader(args(`/briefs/${id}/revisions/2/brief.pdf`, { id, n: '2' }))) as Response
    const dir = mkdtempSync(join(tmpdir(), 'stackbrief-notes-'))
    writeFileSync(join(dir, 'b.pdf'), new Uint8Array(await pdf.arrayBuffer()))
    const text = execFileSync('/usr/bin/pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    rmSync(dir, { recursive: true, force: true })
    expect(text).toContain('ON 12-MONTH COST BANDS')
    expect(text).toContain('Ask about the **credits**.')

    const zip = (await adrZipLoader(args(`/briefs/${id}/revisions/2/adr.zip`, { id, n: '2' }))) as Response
    expect(zip.headers.get('Cache-Control')).toBe('private, no-cache')
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()))
    const notesFile = strFromU8(files['docs/decisions/notes.md'])
    expect(notesFile).toContain(`# Notes\n\nThe notes on revision 2 of brief \`${id}\``)
    expect(notesFile).toContain('## On 12-month cost bands\n\n> Ask about the \\*\\*credits\\*\\*.\n> \\<script>')
    // The notes file is no record: the records are numbered as they were without it.
    expect(Object.keys(files).filter((f) => /\/\d{4}-/.test(f)).length).toBeGreaterThan(0)

    const viaApi = RevisionWithNotesSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/revisions/2`)).json())
    expect(viaApi.notes).toEqual([{ id: latest.notes[0].id, section: 'costs', body, fromRevision: 1 }])

    const removed = await latestAction(
      args(`/briefs/${id}`, { id }, { intent: 'note-remove', noteId: latest.notes[0].id }),
    )
    expect(location(removed)).toBe(`/briefs/${id}#notes`)
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).notes).toEqual([])
    expect((await revisionLoader(args(`/briefs/${id}/revisions/1`, { id, n: '1' }))).notes).toHaveLength(1)
    const zipAfter = (await adrZipLoader(args(`/briefs/${id}/revisions/2/adr.zip`, { id, n: '2' }))) as Response
    expect(Object.keys(unzipSync(new Uint8Array(await zipAfter.arrayBuffer())))).not.toContain(
      'docs/decisions/notes.md',
    )
    const apiAfter = RevisionWithNotesSchema.parse(await (await api('GET', `/api/v1/briefs/${id}/revisions/2`)).json())
    expect(apiAfter.notes).toEqual([])
  })

  it('takes a note on every section the page lists', async () => {
    const id = await route.newBrief()
    for (const s of BRIEF_SECTIONS) {
      const done = await latestAction(
        args(`/briefs/${id}`, { id }, { intent: 'note-add', section: s.id, body: `On ${s.title}` }),
      )
      expect(location(done)).toBe(`/briefs/${id}#notes`)
    }
    const page = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(page.notes.map((n) => n.section)).toEqual(BRIEF_SECTIONS.map((s) => s.id))
  })

  it('refuses an empty note with a 422 and keeps what was typed', async () => {
    const id = await route.newBrief()
    const fields = { intent: 'note-add', section: 'nowhere', body: '   ' }
    const { status, body } = unwrap<Refused>((await latestAction(args(`/briefs/${id}`, { id }, fields))) as never)
    expect(status).toBe(422)
    expect(body.note.values).toEqual({ section: 'nowhere', body: '   ' })
    expect(body.note.errors).toEqual({
      section: 'Choose a section of the brief.',
      body: 'Write the note, up to 4,000 characters.',
    })
  })
})
