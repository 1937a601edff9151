import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type Harness, startHarness } from './harness.ts'

/**
 * The brief page's smaller parts in a real browser, with JavaScript on and
 * off, against the production build (run `npx remix vite:build` first): the
 * accessibility check, the 404 page, the cost table without JavaScript, and
 * the export options. Screenshots go to /tmp/shots/brief-page-*.png.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const SHOTS = '/tmp/shots'
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let harness: Harness
let browser: Browser
let base: string
let briefId: string

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  harness = await startHarness()
  ;({ browser, base } = harness)
  const answers = parse(readFileSync(join(ROOT, 'content', 'examples', 'b2b-saas.yaml'), 'utf8'))
  briefId = await postAnswers('/api/v1/briefs', answers)
  answers.team.engineers = 20
  await postAnswers(`/api/v1/briefs/${briefId}/revisions`, answers)
}, 60_000)

afterAll(async () => {
  await harness?.close()
})

async function postAnswers(path: string, answers: unknown): Promise<string> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: harness.session },
    body: JSON.stringify(answers),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

async function open(javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // bypassCSP lets the axe script be injected; the policy itself is tested in security.test.ts.
  const context = await browser.newContext({
    javaScriptEnabled,
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (400|404)/.test(m.text())) errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, errors }
}

/** axe-core's violations on the page as it stands, one line each: rule, impact and the first offending node. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe
    return (await axe.run()).violations as { id: string; impact: string; nodes: { target: string[] }[] }[]
  })
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × e.g. ${v.nodes[0]?.target.join(' ')}`)
}

describe('the brief page and its neighbours', { timeout: 90_000 }, () => {
  it.each([
    ['the brief page', () => `/briefs/${briefId}`],
    ['an earlier revision', () => `/briefs/${briefId}/revisions/1`],
    ['an example brief', () => '/examples/b2b-saas'],
    ['the comparison of two revisions', () => `/briefs/${briefId}/compare`],
    ['the 404 page', () => '/no/such/page'],
  ])('%s has no accessibility violations', async (_name, path) => {
    const { context, page } = await open()
    await page.goto(`${base}${path()}`)
    await page.waitForLoadState('networkidle')
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it.each([true, false])('an unknown address is the site’s own 404 page (JavaScript %s)', async (js) => {
    const { context, page, errors } = await open(js)
    const response = await page.goto(`${base}/briefz/typo?x=1`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found')
    await expect(page.locator('main').textContent()).resolves.toContain('/briefz/typo')
    // The site's header and footer are there, with a way back.
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('link', { name: 'Start a brief' }).getAttribute('href')).resolves.toBe('/new')
    await expect(page.title()).resolves.toBe('Page not found · stackbrief')
    if (js) {
      await page.getByRole('link', { name: 'Home' }).click()
      await page.waitForURL(`${base}/`)
      expect(errors).toEqual([])
    }
    await page.screenshot({ path: join(SHOTS, `brief-page-404-${js ? 'js' : 'nojs'}.png`), fullPage: true })
    await context.close()
  })

  it('a deeper unknown address under a brief is a 404 too, and a 404 is not a 500 for POST', async () => {
    const deep = await fetch(`${base}/briefs/${briefId}/revisions/1/nothing-here`, {
      headers: { Cookie: harness.session },
    })
    expect(deep.status).toBe(404)
    expect(await deep.text()).toContain('Page not found')
    const posted = await fetch(`${base}/no-such-form`, { method: 'POST', body: new URLSearchParams({ a: '1' }) })
    expect(posted.status).toBe(404)
  })

  it('without JavaScript the costs are a table, with no chart waiting to be drawn', async () => {
    const { context, page } = await open(false)
    await page.goto(`${base}/briefs/${briefId}`)
    const costs = page.locator('#costs')
    const table = costs.getByRole('region', { name: 'Monthly cost per band' })
    await expect(table.isVisible()).resolves.toBe(true)
    await expect(table.getByRole('row').count()).resolves.toBe(14) // header, 12 months, total
    await expect(costs.textContent()).resolves.not.toContain('Drawing the chart')
    await expect(costs.locator('[data-testid="cost-chart"]').count()).resolves.toBe(0)
    await context.close()
  })

  it('with JavaScript the chart library is fetched only when the chart comes into view', async () => {
    const { context, page, errors } = await open(true)
    const chunks: string[] = []
    page.on('request', (r) => {
      if (/\/assets\/(cost-chart\.client|LineChart)-[\w-]+\.js/.test(r.url())) chunks.push(r.url())
    })
    await page.goto(`${base}/briefs/${briefId}`)
    await page.waitForLoadState('networkidle')
    expect(chunks).toEqual([])
    await page.locator('[data-testid="cost-chart"]').scrollIntoViewIfNeeded()
    await page.locator('[data-testid="cost-chart"] .recharts-wrapper > svg').waitFor({ timeout: 15_000 })
    expect(chunks.length).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('the saved brief page of the plain B2B SaaS example weighs under 120 KB of HTML', async () => {
    const response = await fetch(`${base}/briefs/${briefId}`, { headers: { Cookie: harness.session } })
    expect(response.status).toBe(200)
    const bytes = (await response.arrayBuffer()).byteLength
    expect(bytes).toBeGreaterThan(50_000)
    expect(bytes).toBeLessThan(120_000)
  })

  it('risk cards quote at most three answers each', async () => {
    const { context, page } = await open(false)
    await page.goto(`${base}/briefs/${briefId}`)
    const cards = page.locator('#risks .risk')
    const count = await cards.count()
    expect(count).toBeGreaterThan(0)
    for (let i = 0; i < count; i++) {
      await expect(cards.nth(i).locator('.answer-chip').count()).resolves.toBeLessThanOrEqual(3)
    }
    await context.close()
  })

  it.each([false, true])(
    'export options are saved for the brief and carried by the downloads (JavaScript %s)',
    async (js) => {
      const id = await postAnswers(
        '/api/v1/briefs',
        parse(readFileSync(join(ROOT, 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
      )
      const { context, page, errors } = await open(js)
      await page.goto(`${base}/briefs/${id}`)
      const pdfLink = page.getByRole('link', { name: 'Download PDF' })
      await expect(pdfLink.getAttribute('href')).resolves.toBe(`/briefs/${id}/revisions/1/brief.pdf`)

      // Too long a name: refused at the field, with what was typed kept.
      await page.getByText('Export options:').click()
      const preparedBy = page.getByRole('textbox', { name: 'Prepared by' })
      await preparedBy.evaluate((el) => el.removeAttribute('maxlength'))
      const tooLong = 'A'.repeat(121)
      await preparedBy.fill(tooLong)
      await page.getByRole('textbox', { name: 'Prepared for' }).fill('Acme Ltd')
      await page.getByRole('button', { name: 'Save export options' }).click()
      await page.getByText('At most 120 characters.').waitFor({ timeout: 15_000 })
      await expect(page.getByRole('textbox', { name: 'Prepared by' }).inputValue()).resolves.toBe(tooLong)
      await expect(page.getByRole('textbox', { name: 'Prepared for' }).inputValue()).resolves.toBe('Acme Ltd')
      await expect(page.getByRole('textbox', { name: 'Prepared by' }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      )
      await expect(pdfLink.getAttribute('href')).resolves.toBe(`/briefs/${id}/revisions/1/brief.pdf`)

      await page.getByRole('radio', { name: 'Letter' }).check()
      await page.getByRole('textbox', { name: 'Prepared by' }).fill('Ada Lovelace')
      await page.getByRole('button', { name: 'Save export options' }).click()
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 15_000 })
      const query = 'preparedBy=Ada+Lovelace&client=Acme+Ltd'
      await expect(pdfLink.getAttribute('href')).resolves.toBe(
        `/briefs/${id}/revisions/1/brief.pdf?pageSize=letter&${query}`,
      )
      const mdHref = await page.getByRole('link', { name: 'Download Markdown' }).getAttribute('href')
      expect(mdHref).toBe(`/briefs/${id}/revisions/1/brief.md?${query}`)
      await expect(page.getByRole('link', { name: 'Decision records (zip)' }).getAttribute('href')).resolves.toBe(
        `/briefs/${id}/revisions/1/adr.zip?client=Acme+Ltd`,
      )
      await expect(page.locator('.export-options summary').textContent()).resolves.toContain(
        'Letter · prepared by Ada Lovelace · for Acme Ltd',
      )
      const markdown = await fetch(`${base}${mdHref}`, { headers: { Cookie: harness.session } }).then((r) => r.text())
      expect(markdown.split('\n')[2]).toBe('Prepared by Ada Lovelace for Acme Ltd.')

      // Remembered: a fresh visit, and the revision's own page, show the same.
      await page.goto(`${base}/briefs/${id}/revisions/1`)
      await expect(page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).resolves.toContain(
        'pageSize=letter',
      )
      if (js) expect(errors).toEqual([])
      await page.screenshot({ path: join(SHOTS, `brief-page-export-options-${js ? 'js' : 'nojs'}.png`) })
      await context.close()
    },
  )
})
