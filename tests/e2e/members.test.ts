import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExampleBrief, type Harness, startHarness } from './harness.ts'

/**
 * Invitations in a real browser against the production build: the owner
 * invites an address as a viewer on the members page, a second browser with
 * no account follows the link, makes an account with that address and joins;
 * as a viewer it reads the workspace's brief with no form to change it, and
 * a post made anyway is refused.
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

describe('an invitation', { timeout: 90_000 }, () => {
  it('is accepted in a second browser, and the viewer it makes cannot edit', async () => {
    const briefId = await createExampleBrief(harness)
    const email = `viewer-${Math.random().toString(36).slice(2, 8)}@example.test`

    const owner = await harness.browser.newContext()
    const ownerPage = await owner.newPage()
    await ownerPage.goto(`${base}/settings/members`)
    await ownerPage.getByLabel('Their email address').fill(email)
    await ownerPage.getByLabel('Role', { exact: true }).selectOption('viewer')
    await ownerPage.getByRole('button', { name: 'Make an invitation link' }).click()
    const shown = ownerPage.locator('.new-token__value')
    await shown.waitFor()
    const link = (await shown.textContent())?.trim() ?? ''
    expect(link).toMatch(new RegExp(`^${base}/invitations/sbi_[0-9A-Za-z]{32}$`))
    await ownerPage.locator('li', { hasText: `${email} as viewer` }).waitFor()

    const second = await harness.browser.newContext()
    await second.clearCookies()
    const page = await second.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(link)
    await page.getByText(`You are invited as viewer, with the address ${email}`).waitFor()
    await page.getByRole('link', { name: `Make an account with ${email}` }).click()
    await page.getByLabel('Your name').fill('Vera Viewer')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('a long enough password')
    await Promise.all([
      page.waitForURL(/\/invitations\/sbi_/),
      page.getByRole('button', { name: 'Make the account' }).click(),
    ])
    await Promise.all([
      page.waitForURL(/\/settings\/members\?done=joined/),
      page.getByRole('button', { name: /^Join / }).click(),
    ])
    await page.getByText('You joined the workspace.').waitFor()
    const members = page.getByRole('region', { name: 'Members' })
    await members.getByRole('row', { name: /Vera Viewer/ }).waitFor()
    await expect(members.getByRole('row').count()).resolves.toBe(3)
    await expect(page.getByRole('button', { name: 'Make an invitation link' }).count()).resolves.toBe(0)

    // The owner sees the new member too.
    await ownerPage.goto(`${base}/settings/members`)
    await ownerPage.getByRole('row', { name: new RegExp(`Vera Viewer ${email} viewer`) }).waitFor()

    // As a viewer: the brief reads, and nothing on its page changes it.
    await page.goto(`${base}/briefs/${briefId}`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Shiftwise')
    for (const name of [
      'Edit answers',
      'Create a token',
      'Create a share link',
      'Add the note',
      'Save export options',
    ]) {
      await expect(page.getByRole('button', { name }).count(), name).resolves.toBe(0)
    }
    await expect(page.getByRole('link', { name: 'Delete…' }).count()).resolves.toBe(0)
    await expect(page.locator('a[href*="?override="]').count()).resolves.toBe(0)
    await expect(page.locator('form[method="post"]').count()).resolves.toBe(1) // the header's sign-out
    const refused = await page.request.post(`${base}/briefs/${briefId}`, {
      form: { intent: 'review-by', reviewBy: '2030-01-01' },
      headers: { Origin: base },
    })
    expect(refused.status()).toBe(403)
    const edit = await page.request.post(`${base}/briefs/${briefId}/revisions/1/edit`, { headers: { Origin: base } })
    expect(edit.status()).toBe(403)
    expect(errors).toEqual([])
    await second.close()
    await owner.close()
  })
})
