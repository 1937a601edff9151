import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExampleBrief, type Harness, startHarness } from './harness.ts'

/**
 * Overriding a decision in a real browser against the production build (run
 * `npx remix vite:build` first): "Override" beside the hosting decision, a
 * refused form that keeps what was typed, the next revision with the person's
 * choice and moved costs, and the comparison of the two revisions.
 */

let harness: Harness
let base: string
let briefId: string

beforeAll(async () => {
  harness = await startHarness()
  base = harness.base
  briefId = await createExampleBrief(harness)
}, 60_000)

afterAll(async () => {
  await harness?.close()
})

describe('overriding a decision', { timeout: 90_000 }, () => {
  it('makes the next revision, moves the costs, and shows in the comparison', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${base}/briefs/${briefId}`)
    const costsBefore = await page.locator('#costs').textContent()
    const hosting = page.locator('#decision-hosting')
    const recommended = (await hosting.locator('h3').textContent())?.split(':').pop()?.trim() ?? ''

    await Promise.all([
      page.waitForURL(/\?override=hosting#override$/),
      hosting.getByRole('link', { name: /Override/ }).click(),
    ])
    const form = page.getByRole('region', { name: /Override: Hosting/ })
    await form.waitFor()
    const choice = form.getByLabel('Choice')
    const options = await choice
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })))
    const other = options.find((o) => o.value === 'cloud_provider' || (o.value && !recommended.includes(o.text)))
    expect(other).toBeDefined()

    // Without a reason the form comes back with the field marked and the choice kept.
    await choice.selectOption(other?.value ?? '')
    await form.getByLabel('Decided by').fill('Dana Reyes')
    await form.getByRole('button', { name: /Override and make the next revision/ }).click()
    await form.getByText('Say why, in up to 1,000 characters.').waitFor()
    await expect(form.getByLabel('Decided by').inputValue()).resolves.toBe('Dana Reyes')
    await expect(form.getByLabel('Choice').inputValue()).resolves.toBe(other?.value)

    await form.getByLabel('Reason').fill('The board insists on one cloud account')
    await Promise.all([
      page.waitForURL(new RegExp(`/briefs/${briefId}/revisions/2#decision-hosting$`)),
      form.getByRole('button', { name: /Override and make the next revision/ }).click(),
    ])
    const decided = page.locator('#decision-hosting .decision__decided')
    await expect(decided.textContent()).resolves.toMatch(
      /^Decided by Dana Reyes: .+, against the recommendation of .+ because The board insists on one cloud account\.$/,
    )
    await expect(page.locator('#decision-hosting').textContent()).resolves.toContain('Why the engine recommended')
    expect(await page.locator('#costs').textContent()).not.toBe(costsBefore)

    await page.goto(`${base}/briefs/${briefId}/compare?from=1&to=2`)
    await page.getByRole('heading', { level: 1, name: 'What changed' }).waitFor()
    const answers = page.getByRole('region', { name: 'Answers that changed', exact: true })
    await expect(answers.textContent()).resolves.toContain('Decisions overridden by a person')
    await expect(page.locator('main').textContent()).resolves.toMatch(/Hosting/)
    expect(errors).toEqual([])
    await context.close()
  })
})
