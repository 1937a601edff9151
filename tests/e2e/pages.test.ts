import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type Harness, startHarness } from './harness.ts'

/**
 * The first pages in a real browser, against the production build:
 * run `npx remix vite:build` first. Drives Debian's Chromium.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const EXAMPLES = readdirSync(join(ROOT, 'content', 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const answers = parse(readFileSync(join(ROOT, 'content', 'examples', f), 'utf8')) as { product: { name: string } }
    return { name: f.replace(/\.yaml$/, ''), product: answers.product.name }
  })
  .sort((a, b) => a.name.localeCompare(b.name))

const BRIEF_SECTION_HEADINGS = [
  'Executive brief',
  'Architecture at a glance',
  'Decisions',
  'Why each decision',
  'Database rationale',
  '12-month cost bands',
  'Operational assumptions',
  'Migration triggers',
  'Day-one checklist',
  'Deferred',
  'Risks',
  'What would make this plan wrong',
  'Handoff',
  'Appendix: the answers',
  'Appendix: rules and the answers they read',
]

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

/** A fresh page that records console errors (hydration mismatches among them) and uncaught exceptions. */
async function openPage(width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true })
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return { page, errors }
}

describe('pages in a browser', { timeout: 60_000 }, () => {
  it('home lists every example brief and links to the guides', async () => {
    const { page, errors } = await openPage()
    const response = await page.goto(`${base}/`)
    expect(response?.status()).toBe(200)
    await expect(page.title()).resolves.toMatch(/stackbrief/)
    const cards = page.locator('.example-card')
    await expect(cards.count()).resolves.toBe(EXAMPLES.length)
    for (const { name, product } of EXAMPLES) {
      const link = page.getByRole('link', { name: product, exact: true })
      await expect(link.getAttribute('href')).resolves.toBe(`/examples/${name}`)
    }
    await expect(page.getByRole('link', { name: 'Guides' }).first().isVisible()).resolves.toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  it('an example brief shows every section, and draws the cost chart only in the browser', async () => {
    const html = await fetch(`${base}/examples/b2b-saas`).then((r) => r.text())
    expect(html).not.toContain('recharts-surface')
    expect(html).not.toMatch(/cost-chart\.client-[\w-]+\.js/)

    const { page, errors } = await openPage()
    const chartChunks: string[] = []
    page.on('request', (r) => {
      if (/cost-chart\.client-[\w-]+\.js/.test(r.url())) chartChunks.push(r.url())
    })
    await page.goto(`${base}/examples/b2b-saas`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Shiftwise')
    for (const heading of BRIEF_SECTION_HEADINGS) {
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible()).resolves.toBe(true)
    }

    // The chart library is fetched only when the chart comes into view.
    await page.waitForLoadState('networkidle')
    expect(chartChunks).toEqual([])
    await page.locator('[data-testid="cost-chart"]').scrollIntoViewIfNeeded()
    const chart = page.locator('[data-testid="cost-chart"] .recharts-wrapper > svg')
    await chart.waitFor({ state: 'visible', timeout: 15_000 })
    await expect(page.locator('[data-testid="cost-chart"] .recharts-line').count()).resolves.toBe(3)
    expect(chartChunks.length).toBe(1)

    await expect(page.locator('#triggers .badge').first().textContent()).resolves.toMatch(/OK|Approaching|Fired/)
    await expect(page.locator('.answer-chip').first().textContent()).resolves.toMatch(/: /)
    expect(errors).toEqual([])
    await page.close()
  })

  it('the Markdown link downloads the brief as <name>.md', async () => {
    const { page } = await openPage()
    await page.goto(`${base}/examples/b2b-saas`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Markdown' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('b2b-saas.md')
    const file = await download.path()
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('Shiftwise')
    expect(text).toMatch(/^## Cost bands$/m)
    await page.close()
  })

  it('an unknown example is a 404 page that points back to the examples', async () => {
    const { page } = await openPage()
    const response = await page.goto(`${base}/examples/no-such-product`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Example not found')
    await expect(page.getByRole('link', { name: 'Shiftwise' }).getAttribute('href')).resolves.toBe('/examples/b2b-saas')
    await page.close()
  })

  it('a guide renders from its MDX with its title and the other guides beside it', async () => {
    const { page, errors } = await openPage()
    await page.goto(`${base}/guides`)
    const first = page.locator('.guide-index a').first()
    const title = (await first.textContent()) ?? ''
    await first.click()
    await page.waitForURL(/\/guides\/[\w-]+$/)
    // The address changes before the new page has rendered; wait for its heading rather than reading the old one.
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ timeout: 15_000 })
    await expect(page.locator('article.prose h2').count()).resolves.toBeGreaterThan(0)
    await expect(page.getByRole('navigation', { name: 'Guides' }).getByRole('link').count()).resolves.toBeGreaterThan(1)
    expect(errors).toEqual([])

    const missing = await page.goto(`${base}/guides/no-such-guide`)
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Guide not found')
    await page.close()
  })

  it('an example brief fits a 390px phone without sideways scrolling of the page', async () => {
    const { page } = await openPage(390)
    await page.goto(`${base}/examples/b2b-saas`)
    await page.locator('[data-testid="cost-chart"]').scrollIntoViewIfNeeded()
    await page.locator('[data-testid="cost-chart"] .recharts-wrapper > svg').waitFor({ timeout: 15_000 })
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await page.close()
  })
})
