import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness.ts'

/**
 * The executive brief in a real browser, with JavaScript on and off, against
 * the production build (run `npx remix vite:build` first): it is the first
 * section of the brief, and the appendix of rules starts folded.
 */

let harness: Harness
let browser: Browser
let base: string

beforeAll(async () => {
  harness = await startHarness()
  ;({ browser, base } = harness)
}, 60_000)

afterAll(async () => {
  await harness?.close()
})

async function open(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } })
  return { context, page: await context.newPage() }
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the executive brief %s', { timeout: 90_000 }, (_label, javaScriptEnabled) => {
  it('is the first section of the brief, with the stack, costs, risks, triggers and first steps', async () => {
    const { context, page } = await open(javaScriptEnabled)
    try {
      await page.goto(`${base}/examples/b2b-saas`, { waitUntil: 'load' })
      const first = page.locator('.brief > section').first()
      expect(await first.getAttribute('id')).toBe('executive')
      expect(await first.locator('h2').textContent()).toBe('Executive brief')
      const sub = await first.locator('h3').allInnerTexts()
      expect(sub).toEqual([
        'Month-12 cost, against a budget of $400 a month',
        'Top risks',
        'Nearest triggers',
        'First steps',
      ])
      const rows = first.locator('table.executive-stack tbody tr')
      // The decisions the case argued get a row each; the defaults most first products share get one line.
      expect(await rows.count()).toBeGreaterThan(6)
      expect(await first.locator('p.executive-settled').textContent()).toMatch(
        /^Also settled, as for most first products: /,
      )
      expect(await rows.filter({ hasText: 'PostgreSQL' }).textContent()).toMatch(/ahead of MySQL/)
      expect(await first.locator('ol').last().locator('li').count()).toBe(3)
      // The first link in the contents goes to it.
      expect(await page.locator('.brief-toc a').first().getAttribute('href')).toBe('#executive')
    } finally {
      await context.close()
    }
  })

  it('folds the appendix of rules away until asked', async () => {
    const { context, page } = await open(javaScriptEnabled)
    try {
      await page.goto(`${base}/examples/b2b-saas`, { waitUntil: 'load' })
      const details = page.locator('#rules details')
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
      const firstRule = details.locator('dd code').first()
      expect(await firstRule.isVisible()).toBe(false)
      await details.locator('summary').click()
      expect(await firstRule.isVisible()).toBe(true)
      expect(await firstRule.textContent()).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/)
      // Rule ids appear nowhere else on the page.
      expect(await page.locator('.brief code.rule-id').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  it('has its own sections for operations and for what would make the plan wrong', async () => {
    const { context, page } = await open(javaScriptEnabled)
    try {
      await page.goto(`${base}/examples/b2b-saas`, { waitUntil: 'load' })
      expect(await page.locator('#operations').textContent()).toMatch(/the plan assumes the defaults: 99\.5% uptime/)
      expect(await page.locator('#invalidations').textContent()).toMatch(/sized for 8,000 monthly active users/)
    } finally {
      await context.close()
    }
  })
})
