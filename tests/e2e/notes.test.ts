import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExampleBrief, type Harness, startHarness } from './harness.ts'

/**
 * Notes in a real browser against the production build (run
 * `npx remix vite:build` first): add a note on a section, see it on the page,
 * in the Markdown download and beside the decision records, and remove it,
 * with JavaScript and without it.
 */

let harness: Harness
let base: string

beforeAll(async () => {
  harness = await startHarness()
  base = harness.base
}, 60_000)

afterAll(async () => {
  await harness?.close()
})

describe('notes on a brief', { timeout: 90_000 }, () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('are added, shown, downloaded and removed %s', async (_, javaScriptEnabled) => {
    const briefId = await createExampleBrief(harness)
    const context = await harness.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${base}/briefs/${briefId}`)

    const panel = page.getByRole('region', { name: 'Notes' })
    await panel.getByText('No notes on this revision.').waitFor()
    await panel.getByText('Add a note').click()

    // An empty note comes back with the field marked and the section kept.
    await panel.getByLabel('Section').selectOption('risks')
    await panel.getByRole('button', { name: 'Add the note' }).click()
    await panel.getByText('Write the note, up to 4,000 characters.').waitFor()
    await expect(panel.getByLabel('Section').inputValue()).resolves.toBe('risks')

    const body = 'Ask the client about **credits**.\n<img src=x onerror=alert(1)>'
    await panel.getByLabel('Note (plain text or Markdown)').fill(body)
    await Promise.all([
      page.waitForURL(new RegExp(`/briefs/${briefId}#notes$`)),
      panel.getByRole('button', { name: 'Add the note' }).click(),
    ])
    const note = panel.getByRole('listitem')
    // With JavaScript the address changes before the page has its new data: wait for the note itself.
    await note.first().waitFor()
    await expect(note.count()).resolves.toBe(1)
    await expect(note.getByRole('link').textContent()).resolves.toBe('Risks')
    await expect(note.getByRole('link').getAttribute('href')).resolves.toBe('#risks')
    // Shown as typed: the HTML in it is text, never an element.
    await expect(note.locator('.note__body').textContent()).resolves.toBe(body)
    await expect(panel.locator('img').count()).resolves.toBe(0)

    const markdown = await (await page.request.get(`${base}/briefs/${briefId}/revisions/1/brief.md`)).text()
    expect(markdown).toContain('## Notes\n\n**On Risks:**\n\n> Ask the client about \\*\\*credits\\*\\*.\n> \\<img')
    const zip = await page.request.get(`${base}/briefs/${briefId}/revisions/1/adr.zip`)
    const notesFile = strFromU8(unzipSync(new Uint8Array(await zip.body()))['docs/decisions/notes.md'])
    expect(notesFile).toContain('## On Risks\n\n> Ask the client about \\*\\*credits\\*\\*.')
    const viaApi = (await (await page.request.get(`${base}/api/v1/briefs/${briefId}/revisions/1`)).json()) as {
      notes: { section: string; body: string }[]
    }
    expect(viaApi.notes.map((n) => [n.section, n.body])).toEqual([['risks', body]])

    await Promise.all([
      page.waitForURL(new RegExp(`/briefs/${briefId}#notes$`)),
      note.getByRole('button', { name: /Remove from this revision on/ }).click(),
    ])
    await panel.getByText('No notes on this revision.').waitFor()
    const after = await (await page.request.get(`${base}/briefs/${briefId}/revisions/1/brief.md`)).text()
    expect(after).not.toContain('## Notes')
    expect(errors).toEqual([])
    await context.close()
  })
})
