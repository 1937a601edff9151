import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness.ts'

/**
 * A newcomer fills the questionnaire in a real browser, against the
 * production build (run `npx remix vite:build` first) and a fresh SQLite
 * file: once with scripts on, once with them off. Elements are found by role
 * and label, as a person (or a screen reader) finds them. Screenshots of every
 * step and of the brief go to /tmp/shots/wizard-*.png at 1280px and 390px.
 */

const SHOTS = '/tmp/shots'
/** Every script a questionnaire step loads, gzipped, must stay under this. */
const STEP_SCRIPT_BUDGET_BYTES = 120 * 1024

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
  'Revision history',
]

let harness: Harness
let browser: Browser
let base: string

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  harness = await startHarness()
  ;({ browser, base } = harness)
}, 60_000)

afterAll(async () => {
  await harness?.close()
})

async function open(
  javaScriptEnabled: boolean,
  width = 1280,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled,
    viewport: { width, height: 900 },
    acceptDownloads: true,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 400/.test(m.text())) errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, errors }
}

/** The page as it is, at desktop and phone width. */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 900 }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: join(SHOTS, `wizard-${name}-${width}.png`), fullPage: true })
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(width)
  }
  await page.setViewportSize(size)
}

const continueButton = (page: Page) => page.getByRole('button', { name: 'Save and continue' })

const STEP_TITLES: Record<string, string> = {
  product: 'Product',
  team: 'Team',
  load: 'Load',
  data: 'Data',
  compliance: 'Compliance and identity',
  budget: 'Budget',
  review: 'Review',
}

/** Submits a step and waits until the next one is on screen (the address changes a moment before it renders). */
async function saveAndGo(page: Page, next: string, button = continueButton(page)) {
  await Promise.all([page.waitForURL(new RegExp(`/drafts/d_[a-z2-7]{16}/${next}$`)), button.click()])
  await page.getByRole('heading', { level: 1, name: new RegExp(`${STEP_TITLES[next]}$`) }).waitFor()
}

async function currentStep(page: Page): Promise<string> {
  return (await page.locator('[aria-current="step"]').textContent()) ?? ''
}

/** Answers every step the quick way, taking the prefilled defaults wherever there are any. */
async function fillProduct(page: Page, name: string) {
  await page.getByLabel('What is the product called?').fill(name)
  await page.getByRole('radio', { name: 'B2B SaaS' }).check()
  await page.getByRole('radio', { name: 'Organizations', exact: true }).check()
}

describe('the questionnaire in a browser', { timeout: 120_000 }, () => {
  it('with scripts on: fills every step, survives a reload, generates, downloads and revises', async () => {
    const { context, page, errors } = await open(true)
    await page.goto(`${base}/`)
    await Promise.all([page.waitForURL(/\/new$/), page.getByRole('link', { name: 'Start a brief' }).first().click()])
    await Promise.all([
      page.waitForURL(/\/drafts\/d_[a-z2-7]{16}\/product$/),
      page.getByRole('button', { name: 'Start the questionnaire' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: /Product$/ }).waitFor()
    const draftUrl = page.url().replace(/\/product$/, '')
    await expect(currentStep(page)).resolves.toContain('Product')
    await expect(
      page.getByRole('navigation', { name: 'Questionnaire steps' }).getByRole('listitem').count(),
    ).resolves.toBe(7)
    // Defaults are ticked already.
    await expect(page.getByRole('checkbox', { name: 'Web app' }).isChecked()).resolves.toBe(true)
    await expect(page.getByRole('radio', { name: 'None' }).isChecked()).resolves.toBe(true)
    await shoot(page, 'product')

    // Leaving a question checks it (on the server, with the step's schema); the message is tied to the field.
    const name = page.getByLabel('What is the product called?')
    await name.focus()
    await name.blur()
    await page.getByText('Expected text, got nothing.').waitFor()
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(name.getAttribute('aria-describedby')).resolves.toMatch(/-error/)
    // Only the question that was left is judged so far.
    await expect(page.getByText('Choose one of the options.').count()).resolves.toBe(0)
    // A submit with errors stays on the page and puts focus on the first wrong answer.
    await continueButton(page).click()
    await page.getByRole('alert').waitFor()
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/3 answers need a change/)
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('name')
    await shoot(page, 'product-errors')
    // Once wrong, an answer is checked again as it is typed.
    await name.fill('Tallybook')
    await expect.poll(() => name.getAttribute('aria-invalid')).toBeNull()
    await fillProduct(page, 'Tallybook')
    await saveAndGo(page, 'team')

    await expect(currentStep(page)).resolves.toContain('Team')
    await shoot(page, 'team')
    await page.getByLabel('How many engineers build the product today?').fill('3')
    await page.getByRole('checkbox', { name: 'TypeScript' }).check()
    await saveAndGo(page, 'load')

    // Halfway: the tab is reloaded; the answers so far are still there, and so is the place.
    await page.getByLabel('How many monthly active users do you expect at launch?').fill('200')
    await page.reload()
    await expect(page.url()).toBe(`${draftUrl}/load`)
    const steps = page.getByRole('navigation', { name: 'Questionnaire steps' })
    await expect(steps.getByRole('link', { name: /Product.*completed/ }).count()).resolves.toBe(1)
    await expect(steps.getByRole('link', { name: /Team.*completed/ }).count()).resolves.toBe(1)
    await page.goto(`${draftUrl}/product`)
    await expect(page.getByLabel('What is the product called?').inputValue()).resolves.toBe('Tallybook')
    await page.goto(draftUrl)
    await page.waitForURL(`${draftUrl}/load`)

    await shoot(page, 'load')
    await page.getByLabel('How many monthly active users do you expect at launch?').fill('200')
    await page.getByLabel('And 12 months after launch?').fill('5,000')
    await saveAndGo(page, 'data')

    // Conditional fields follow the ticks.
    const vectors = page.getByLabel('How many embeddings will you store at 12 months?')
    await expect(vectors.isVisible()).resolves.toBe(false)
    await page.getByRole('checkbox', { name: 'Vectors (embeddings)' }).check()
    await expect(vectors.isVisible()).resolves.toBe(true)
    await vectors.fill('250000')
    await shoot(page, 'data')
    await page.getByRole('checkbox', { name: 'Vectors (embeddings)' }).uncheck()
    await expect(vectors.isVisible()).resolves.toBe(false)
    await saveAndGo(page, 'compliance')

    await shoot(page, 'compliance')
    await page.getByRole('radio', { name: 'Subscriptions' }).check()
    await saveAndGo(page, 'budget')

    await shoot(page, 'budget')
    await page.getByLabel('What can you spend on infrastructure each month?').fill('300')
    await saveAndGo(page, 'review', page.getByRole('button', { name: 'Save and review' }))

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Review')
    const product = page.getByRole('region', { name: 'Product' })
    await expect(product.getByText('Tallybook').isVisible()).resolves.toBe(true)
    await expect(page.getByText('5,000').first().isVisible()).resolves.toBe(true)
    await shoot(page, 'review')
    await Promise.all([
      page.waitForURL(/\/briefs\/b_[a-z2-7]{16}$/),
      page.getByRole('button', { name: 'Generate the brief' }).click(),
    ])

    await page.getByRole('heading', { level: 1, name: 'Tallybook' }).waitFor()
    for (const heading of BRIEF_SECTION_HEADINGS) {
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible()).resolves.toBe(true)
    }
    // The chart is drawn when it comes into view.
    await page.locator('[data-testid="cost-chart"]').scrollIntoViewIfNeeded()
    await page
      .locator('[data-testid="cost-chart"] .recharts-wrapper > svg')
      .waitFor({ state: 'visible', timeout: 15_000 })
    await expect(page.getByText('Revision 1 of 1').isVisible()).resolves.toBe(true)
    await shoot(page, 'brief')
    // On paper: the brief and nothing else.
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByRole('button', { name: 'Edit answers' }).isVisible()).resolves.toBe(false)
    await expect(page.getByRole('heading', { level: 2, name: 'Revision history' }).isVisible()).resolves.toBe(false)
    await expect(page.getByRole('heading', { level: 2, name: 'Risks', exact: true }).isVisible()).resolves.toBe(true)
    await page.pdf({ path: join(SHOTS, 'wizard-brief.pdf'), format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Markdown' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('tallybook-r1.md')
    const markdown = readFileSync(await download.path(), 'utf8')
    expect(markdown).toContain('Tallybook')
    expect(markdown).toMatch(/^## Cost bands$/m)

    // Edit one answer: the draft opens prefilled at the first step, and generating makes revision 2.
    const briefUrl = page.url()
    await Promise.all([
      page.waitForURL(/\/drafts\/d_[a-z2-7]{16}\/product$/),
      page.getByRole('button', { name: 'Edit answers' }).click(),
    ])
    await expect(page.getByLabel('What is the product called?').inputValue()).resolves.toBe('Tallybook')
    await page
      .getByRole('navigation', { name: 'Questionnaire steps' })
      .getByRole('link', { name: /Budget/ })
      .click()
    await page.waitForURL(/\/budget$/)
    await page.getByLabel('What can you spend on infrastructure each month?').fill('900')
    await saveAndGo(page, 'review', page.getByRole('button', { name: 'Save and review' }))
    await Promise.all([
      page.waitForURL(`${briefUrl}/revisions/2`),
      page.getByRole('button', { name: 'Generate the new revision' }).click(),
    ])
    await page.getByText('Revision 2 of 2').waitFor()
    const history = page.getByRole('region', { name: 'Revision history' })
    await expect(history.getByRole('listitem').count()).resolves.toBe(2)
    await expect(history.getByRole('link', { name: 'Revision 2' }).getAttribute('aria-current')).resolves.toBe('page')
    await expect(history.getByRole('link', { name: 'Revision 1' }).getAttribute('href')).resolves.toBe(
      `${new URL(briefUrl).pathname}/revisions/1`,
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('with scripts off: plain forms, errors from the server with focus on the first, the same brief at the end', async () => {
    const { context, page } = await open(false, 390)
    expect((await page.goto(`${base}/new`))?.status()).toBe(200)
    const [started] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Start the questionnaire' }).click(),
    ])
    expect(started?.status()).toBe(200)
    expect(page.url()).toMatch(/\/drafts\/d_[a-z2-7]{16}\/product$/)

    // A failed submit comes back as a 400 page, values kept, focus on the first wrong answer.
    await page.getByLabel('What must the first release prove?').fill('Kept after the error')
    const [failed] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      continueButton(page).click(),
    ])
    expect(failed.status()).toBe(400)
    await page.waitForLoadState()
    await expect(page.getByLabel('What must the first release prove?').inputValue()).resolves.toBe(
      'Kept after the error',
    )
    await expect(page.getByLabel('What is the product called?').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('name')
    await expect(page.getByText('Choose one of the options.').count()).resolves.toBe(2)
    await shoot(page, 'product-errors-nojs')

    await fillProduct(page, 'Quietdesk')
    await saveAndGo(page, 'team')
    await page.getByLabel('How many engineers build the product today?').fill('2')
    await page.getByRole('checkbox', { name: 'Python' }).check()
    await saveAndGo(page, 'load')
    await page.getByLabel('How many monthly active users do you expect at launch?').fill('50')
    await page.getByLabel('And 12 months after launch?').fill('1500')
    await saveAndGo(page, 'data')

    // Without scripts the conditional fields show, with a note, and a stale value there is ignored.
    await expect(
      page.getByText('Only if you keep vectors (embeddings). Ignored otherwise.').first().isVisible(),
    ).resolves.toBe(true)
    await page.getByLabel('How many embeddings will you store at 12 months?').fill('lots')
    await shoot(page, 'data-nojs')
    await saveAndGo(page, 'compliance')
    await saveAndGo(page, 'budget')
    await page.getByLabel('What can you spend on infrastructure each month?').fill('150')
    await saveAndGo(page, 'review', page.getByRole('button', { name: 'Save and review' }))
    await Promise.all([
      page.waitForURL(/\/briefs\/b_[a-z2-7]{16}$/),
      page.getByRole('button', { name: 'Generate the brief' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Quietdesk' }).waitFor()
    await expect(page.getByRole('heading', { level: 2, name: 'Decisions', exact: true }).isVisible()).resolves.toBe(
      true,
    )

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Markdown' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('quietdesk-r1.md')

    const briefPath = new URL(page.url()).pathname
    await saveAndGo(page, 'product', page.getByRole('button', { name: 'Edit answers' }))
    await page.getByLabel('What is the product called?').fill('Quietdesk Teams')
    await saveAndGo(page, 'team')
    await page.goto(page.url().replace(/\/team$/, '/review'))
    await Promise.all([
      page.waitForURL(new RegExp(`${briefPath}/revisions/2$`)),
      page.getByRole('button', { name: 'Generate the new revision' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Quietdesk Teams' }).waitFor()
    await expect(page.getByText('Revision 2 of 2').isVisible()).resolves.toBe(true)
    await context.close()
  })

  it('lists saved briefs on the home page, searchable without scripts', async () => {
    const { context, page } = await open(false)
    await page.goto(`${base}/`)
    const list = page.getByRole('region', { name: 'Your briefs' })
    await expect(list.getByRole('link', { name: 'Quietdesk Teams' }).isVisible()).resolves.toBe(true)
    await expect(list.getByRole('link', { name: 'Tallybook' }).isVisible()).resolves.toBe(true)
    await page.getByRole('searchbox', { name: 'Search by title' }).fill('tally')
    await Promise.all([page.waitForURL(/\?q=tally/), page.getByRole('button', { name: 'Search' }).click()])
    await expect(list.getByRole('listitem').count()).resolves.toBe(1)
    await shoot(page, 'home')
    await context.close()
  })

  it('unknown drafts, briefs and revisions are 404 pages', async () => {
    const { context, page } = await open(true)
    for (const path of [
      '/drafts/d_aaaaaaaaaaaaaaaa/product',
      '/briefs/b_aaaaaaaaaaaaaaaa',
      '/briefs/b_aaaaaaaaaaaaaaaa/revisions/7',
    ]) {
      const response = await page.goto(`${base}${path}`)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/not found/)
    }
    await context.close()
  })

  it(`sends less than ${STEP_SCRIPT_BUDGET_BYTES / 1024} KB of gzipped script for a questionnaire step`, async () => {
    const { context, page } = await open(true)
    const scripts = new Map<string, number>()
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return
      const body = await response.body().catch(() => null)
      if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length)
    })
    await page.goto(`${base}/new`)
    await page.getByRole('button', { name: 'Start the questionnaire' }).click()
    await page.waitForURL(/\/drafts\/d_[a-z2-7]{16}\/product$/)
    await page.waitForLoadState('networkidle')
    const total = [...scripts.values()].reduce((sum, n) => sum + n, 0)
    console.info(
      `questionnaire step scripts: ${scripts.size} files, ${(total / 1024).toFixed(1)} KB gzipped\n${[...scripts]
        .sort((a, b) => b[1] - a[1])
        .map(([url, n]) => `  ${(n / 1024).toFixed(1)} KB  ${new URL(url).pathname}`)
        .join('\n')}`,
    )
    expect(scripts.size).toBeGreaterThan(0)
    expect(total).toBeLessThan(STEP_SCRIPT_BUDGET_BYTES)
    await context.close()
  })
})
