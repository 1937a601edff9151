import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AnswersSchema } from '~/engine/answers'
import { action as latestAction, loader as latestLoader } from '~/routes/briefs.$id'
import { action as revisionAction, loader as revisionLoader } from '~/routes/briefs.$id.revisions.$n'
import { loader as pdfLoader } from '~/routes/briefs.$id.revisions.$n.brief[.]pdf'
import { loader as markdownLoader } from '~/routes/briefs.$id.revisions.$n.brief[.md]'
import { addRevision, createBrief } from '~/services/briefs.server'
import { type Db, setDbForTests } from '../../db/client.server'
import { LOCAL_WORKSPACE_ID } from '../../db/migrations/0001-initial'
import { testDatabases } from '../support/databases'
import { args, location, unwrap } from './revisit-support'

/** Notes on the brief page: added, refused with field messages, carried to the next revision, escaped in Markdown. */

const EXAMPLE = AnswersSchema.parse(
  parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
)
type Refused = { note: { values: Record<string, string>; errors: Record<string, string> } }
const dbs = await testDatabases()

describe.each(dbs)('notes on the brief page on $name', (t) => {
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

  it('adds a note, carries it to the next revision and into the Markdown, and removes it from a revision on', async () => {
    const id = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: EXAMPLE })).brief.id
    const body = 'Ask about the **credits**.\n<script>alert(1)</script>'
    const added = await revisionAction(
      args(`/briefs/${id}/revisions/1`, { id, n: '1' }, { intent: 'note-add', section: 'costs', body }),
    )
    expect(location(added)).toBe(`/briefs/${id}/revisions/1#notes`)
    await addRevision(db, { workspaceId: LOCAL_WORKSPACE_ID, briefId: id, answers: EXAMPLE })
    const latest = await latestLoader(args(`/briefs/${id}`, { id }))
    expect(latest.notes.map((n) => [n.section, n.body])).toEqual([['costs', body]])

    const markdown = await (
      (await markdownLoader(args(`/briefs/${id}/revisions/2/brief.md`, { id, n: '2' }))) as Response
    ).text()
    expect(markdown).toContain('## Notes\n\n**On Cost bands:**\n\n> Ask about the')
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
    expect(text).toContain('ON COST BANDS')
    expect(text).toContain('Ask about the **credits**.')

    const removed = await latestAction(
      args(`/briefs/${id}`, { id }, { intent: 'note-remove', noteId: latest.notes[0].id }),
    )
    expect(location(removed)).toBe(`/briefs/${id}#notes`)
    expect((await latestLoader(args(`/briefs/${id}`, { id }))).notes).toEqual([])
    expect((await revisionLoader(args(`/briefs/${id}/revisions/1`, { id, n: '1' }))).notes).toHaveLength(1)
  })

  it('refuses an empty note with a 422 and keeps what was typed', async () => {
    const id = (await createBrief(db, { workspaceId: LOCAL_WORKSPACE_ID, answers: EXAMPLE })).brief.id
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
