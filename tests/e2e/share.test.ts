import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExampleBrief, type Harness, startHarness } from './harness.ts'

/**
 * A share link in a real browser against the production build: the owner
 * makes it on the brief page, a fresh browser with no account (with and
 * without JavaScript) reads the brief and downloads its PDF, and after the
 * owner revokes it the same address says the link does not work.
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

/** A browser context with no cookie at all: the harness signs every context in, so this one is signed out again. */
async function stranger(javaScriptEnabled: boolean) {
  const context = await harness.browser.newContext({ javaScriptEnabled })
  await context.clearCookies()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, errors }
}

describe('a share link', { timeout: 90_000 }, () => {
  it('opens without an account, with and without JavaScript, and stops after revocation', async () => {
    const briefId = await createExampleBrief(harness)
    const owner = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await owner.newPage()
    await page.goto(`${base}/briefs/${briefId}`)
    const panel = page.getByRole('region', { name: 'Share links' })
    await panel.getByText('No share links yet.').waitFor()
    await panel.getByLabel('Who it is for').fill('Board, March')
    await panel.getByLabel('Expires').selectOption('30')
    await panel.getByRole('button', { name: 'Create a share link' }).click()
    const shown = panel.locator('.new-token__value')
    await shown.waitFor()
    const link = (await shown.textContent())?.trim() ?? ''
    expect(link).toMatch(new RegExp(`^${base}/s/sbs_[0-9A-Za-z]{32}$`))
    // The list is the page's data, read again after the post: wait for the row.
    await panel.getByRole('row', { name: /Board, March/ }).waitFor()

    for (const javaScriptEnabled of [false, true]) {
      const { context, page: shared, errors } = await stranger(javaScriptEnabled)
      const response = await shared.goto(link)
      expect(response?.status()).toBe(200)
      expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow')
      await expect(shared.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex, nofollow')
      await expect(shared.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Shiftwise')
      await shared.getByRole('heading', { name: 'Cost bands' }).first().waitFor()
      // Nothing leads into the workspace: no site navigation, no history, no forms.
      await expect(shared.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0)
      await expect(shared.locator('form').count()).resolves.toBe(0)
      await expect(shared.locator(`a[href^="/briefs"], a[href="/"], a[href^="/settings"]`).count()).resolves.toBe(0)
      const [download] = await Promise.all([
        shared.waitForEvent('download'),
        shared.getByRole('link', { name: 'Download PDF' }).click(),
      ])
      expect(download.suggestedFilename()).toBe('shiftwise-r1.pdf')
      expect(errors).toEqual([])
      await context.close()
    }

    await panel.getByRole('button', { name: 'Revoke the share link Board, March' }).click()
    await panel.getByText('Share link “Board, March”').first().waitFor()
    await panel.getByText(/revoked\. It no longer opens the brief/).waitFor()

    const { context, page: shared } = await stranger(false)
    const gone = await shared.goto(link)
    expect(gone?.status()).toBe(404)
    await shared.getByRole('heading', { name: 'This link does not work' }).waitFor()
    await expect(shared.locator('a[href="/"]').count()).resolves.toBe(0)
    await context.close()
    await owner.close()
  })
})
