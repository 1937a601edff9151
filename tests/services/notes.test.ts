import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AnswersSchema } from '#app/engine/answers.ts'
import { addRevision, createBrief } from '#app/services/briefs.server.ts'
import { addNote, NoteSchema, notesAt, removeNote } from '#app/services/notes.server.ts'
import type { Db } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { testDatabases } from '#tests/support/databases.ts'

/** Notes on a brief's sections: carried to later revisions until removed, the earlier revisions keeping them. */

const EXAMPLE = AnswersSchema.parse(
  parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
)
const workspaceId = LOCAL_WORKSPACE_ID
const dbs = await testDatabases()

describe.each(dbs)('notes on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
  })
  afterAll(async () => {
    await cleanup()
  })

  it('are carried to the next revision, and removing one keeps it on the revisions before', async () => {
    const briefId = (await createBrief(db, { workspaceId, answers: EXAMPLE })).brief.id
    const note = NoteSchema.parse({ section: 'costs', body: 'Check the **AWS** credits.\r\nThey end in June.' })
    expect(note.body).toBe('Check the **AWS** credits.\nThey end in June.')
    expect(await addNote(db, { workspaceId, briefId, revision: 1, note })).toBe(true)
    await addRevision(db, { workspaceId, briefId, answers: EXAMPLE })
    await addRevision(db, { workspaceId, briefId, answers: EXAMPLE })
    const at2 = await notesAt(db, { workspaceId, briefId, revision: 2 })
    expect(at2.map((n) => [n.section, n.body, n.fromRevision])).toEqual([['costs', note.body, 1]])
    expect(await removeNote(db, { workspaceId, briefId, revision: 3, noteId: at2[0].id })).toBe(true)
    expect(await notesAt(db, { workspaceId, briefId, revision: 3 })).toEqual([])
    expect(await notesAt(db, { workspaceId, briefId, revision: 2 })).toHaveLength(1)
    expect(await notesAt(db, { workspaceId, briefId, revision: 1 })).toHaveLength(1)
    expect(await removeNote(db, { workspaceId, briefId, revision: 3, noteId: at2[0].id })).toBe(false)
  })

  it('refuses an unknown section, an empty note and another workspace', async () => {
    expect(NoteSchema.safeParse({ section: 'nowhere', body: 'x' }).error?.issues[0]?.message).toBe(
      'Choose a section of the brief.',
    )
    expect(NoteSchema.safeParse({ section: 'risks', body: '  ' }).error?.issues[0]?.message).toBe(
      'Write the note, up to 4,000 characters.',
    )
    const briefId = (await createBrief(db, { workspaceId, answers: EXAMPLE })).brief.id
    const note = NoteSchema.parse({ section: 'risks', body: 'x' })
    expect(await addNote(db, { workspaceId: 'w_other', briefId, revision: 1, note })).toBe(false)
    expect(await addNote(db, { workspaceId, briefId, revision: 9, note })).toBe(false)
  })
})
