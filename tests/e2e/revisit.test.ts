import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type Harness, startHarness } from './harness.ts'

/**
 * A team comes back to a brief as its numbers change, in a real browser
 * against the production build (run `npx remix vite:build` first) and a fresh
 * SQLite file. The brief is made through the API, as a script would. The
 * team checks in 20 engineers, sees the trigger fired at the top of the
 * brief, updates the answers from the check-in, generates revision 2 and
 * reads what changed. Screenshots go to /tmp/shots/revisit-*.png at 1280px
 * and 390px.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const SHOTS = '/tmp/shots'
const TODAY = new Date().toISOString().slice(0, 10)
const TEAM_TRIGGER = 'More engineers on one service than one deploy pipeline can serve'

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

async function open(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
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

/** The page (or one part of it) at desktop and phone width; nothing may scroll sideways. */
async function shoot(page: Page, name: string, part?: Locator) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    // Charts size themselves to their frame after a resize.
    await page.waitForTimeout(300)
    const path = join(SHOTS, `revisit-${name}-${width}.png`)
    if (part) await part.screenshot({ path })
    else await page.screenshot({ path, fullPage: true })
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(width)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** A brief made the way a script makes one: POST /api/v1/briefs with the example answers. */
async function createBriefThroughApi(name: string): Promise<string> {
  const answers = parse(readFileSync(join(ROOT, 'content', 'examples', 'b2b-saas.yaml'), 'utf8'))
  answers.product.name = name
  const response = await fetch(`${base}/api/v1/briefs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: harness.session },
    body: JSON.stringify(answers),
  })
  expect(response.status).toBe(201)
  const body = (await response.json()) as { id: string }
  return body.id
}

describe('revisiting a brief in a browser', { timeout: 180_000 }, () => {
  it('checks in 20 engineers, sees the trigger fire, updates the answers and reads what changed', async () => {
    const id = await createBriefThroughApi('Shiftwise')
    const { context, page, errors } = await open(true)

    await page.goto(`${base}/briefs/${id}`)
    await page.getByRole('heading', { level: 1, name: 'Shiftwise' }).waitFor()
    await expect(page.getByRole('heading', { name: /trigger fired/ }).count()).resolves.toBe(0)
    await expect(page.getByText('no check-ins yet').isVisible()).resolves.toBe(true)

    await Promise.all([
      page.waitForURL(`${base}/briefs/${id}/signals`),
      page.getByRole('link', { name: 'Check-ins', exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'Check-ins' }).waitFor()

    // A figure that is not a number: the form comes back with the value and a message naming the field.
    const engineers = page.getByLabel('Engineers', { exact: true })
    await engineers.fill('twenty')
    await page.getByRole('button', { name: 'Record the check-in' }).click()
    await page.getByRole('alert').waitFor()
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Engineers: expected a number in engineers, got "twenty"',
    )
    await expect(engineers.inputValue()).resolves.toBe('twenty')
    await expect(engineers.getAttribute('aria-invalid')).resolves.toBe('true')

    await engineers.fill('20')
    await page.getByLabel('Monthly active users', { exact: true }).fill('9,000')
    await Promise.all([
      page.waitForURL(new RegExp(`/briefs/${id}/signals\\?recorded=c_`)),
      page.getByRole('button', { name: 'Record the check-in' }).click(),
    ])
    await page.getByRole('status').filter({ hasText: 'recorded' }).waitFor()
    await expect(page.getByRole('status').filter({ hasText: 'recorded' }).textContent()).resolves.toContain(
      TEAM_TRIGGER,
    )
    // The form starts empty again after a recorded check-in.
    await expect(engineers.inputValue()).resolves.toBe('')

    // An earlier check-in, so the charts have a line to draw.
    await page.getByLabel('Measured on').fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10))
    await engineers.fill('9')
    await page.getByLabel('Monthly active users', { exact: true }).fill('4000')
    const first = page.url()
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('recorded') && url.href !== first),
      page.getByRole('button', { name: 'Record the check-in' }).click(),
    ])
    const table = page.getByRole('region', { name: 'Check-ins, newest first' })
    await expect.poll(() => table.getByRole('row').count()).toBe(3)
    await expect(table.getByRole('row').nth(1).textContent()).resolves.toContain('20 engineers')
    await page.locator('[data-testid="signal-chart-engineers"]').scrollIntoViewIfNeeded()
    const chart = page.locator('[data-testid="signal-chart-engineers"] .recharts-wrapper > svg')
    await chart.waitFor({ state: 'visible', timeout: 15_000 })
    // The threshold is drawn across the chart.
    await expect(page.locator('[data-testid="signal-chart-engineers"] .recharts-reference-line').count()).resolves.toBe(
      1,
    )
    await expect(page.getByText(/Dashed line: “More engineers on one service/).isVisible()).resolves.toBe(true)
    await shoot(page, 'signals')

    // At the top of the brief: the trigger, fired, with the figures, the step and the guide.
    await page.getByRole('link', { name: 'Shiftwise' }).first().click()
    await page.waitForURL(`${base}/briefs/${id}`)
    const banner = page.getByRole('region', { name: /A trigger fired/ })
    await banner.waitFor()
    const team = banner.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TEAM_TRIGGER }) })
    await expect(team.isVisible()).resolves.toBe(true)
    const bannerText = (await team.textContent()) ?? ''
    expect(bannerText).toContain('Fired')
    expect(bannerText).toContain('20 engineers')
    expect(bannerText).toContain('more than 15 engineers')
    expect(bannerText).toContain('Step to take:')
    await expect(team.getByRole('link', { name: /Guide: Migration triggers/ }).isVisible()).resolves.toBe(true)
    // 9,000 users brings the database pressure trigger near its threshold: listed after the fired one.
    await expect(banner.getByRole('listitem').nth(1).textContent()).resolves.toContain('Approaching')
    await shoot(page, 'brief-banner', page.locator('.brief-header'))
    await shoot(page, 'brief-current', page.locator('#revisit'))

    // Update the answers from those figures: a draft at its review step, then revision 2 and the comparison.
    await Promise.all([
      page.waitForURL(/\/drafts\/d_[a-z2-7]{16}\/review\?checkin=c_/),
      banner.getByRole('button', { name: 'Update the answers from these figures' }).click(),
    ])
    const update = page.getByRole('region', { name: /Updated from the check-in of/ })
    await update.waitFor()
    await expect(update.textContent()).resolves.toMatch(/Engineers in 12 months: 6\s*→\s*becomes 20/)
    await shoot(page, 'review')
    await Promise.all([
      page.waitForURL(`${base}/briefs/${id}/compare?from=1&to=2`),
      page.getByRole('button', { name: 'Generate the new revision' }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: 'What changed' }).waitFor()
    const answers = page.getByRole('region', { name: 'Answers that changed', exact: true })
    await expect(answers.getByRole('row', { name: /Engineers in 12 months\s*6\s*20/ }).count()).resolves.toBe(1)
    const triggers = page.getByRole('region', { name: 'Triggers that fired or cleared' })
    const fired = triggers.getByRole('listitem').filter({ hasText: TEAM_TRIGGER })
    await expect(fired.textContent()).resolves.toContain('Fired')
    await expect(fired.textContent()).resolves.toContain('Step to take:')
    await expect(page.getByRole('combobox', { name: 'From' }).inputValue()).resolves.toBe('1')
    await expect(page.getByRole('combobox', { name: 'To' }).inputValue()).resolves.toBe('2')
    await shoot(page, 'compare')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Markdown' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('shiftwise-r1-to-r2.md')
    const markdown = readFileSync(await download.path(), 'utf8')
    expect(markdown).toContain('| Engineers in 12 months (`team.engineersIn12Months`) | 6 | 20 |')

    // The brief's history links each revision to its comparison with the one before.
    await page.goto(`${base}/briefs/${id}`)
    await Promise.all([
      page.waitForURL(`${base}/briefs/${id}/compare?from=1&to=2`),
      page.getByRole('link', { name: /Compare with previous/ }).click(),
    ])
    expect(errors).toEqual([])
    await context.close()
  })

  it('without scripts: makes a token, posts a check-in with it, and revokes it after confirming', async () => {
    const id = await createBriefThroughApi('Ledgerline')
    const { context, page } = await open(false)
    await page.goto(`${base}/briefs/${id}#tokens`)
    await page.getByLabel('Name the script that will use it').fill('nightly metrics job')
    await Promise.all([
      page.waitForURL(`${base}/briefs/${id}/tokens`),
      page.getByRole('button', { name: 'Create a token' }).click(),
    ])
    const created = page.getByRole('region', { name: /Token “nightly metrics job” created/ })
    const token = (await created.locator('.new-token__value').textContent()) ?? ''
    expect(token).toMatch(/^sbt_[0-9A-Za-z]{32}$/)
    await expect(created.textContent()).resolves.toContain(`/api/v1/briefs/${id}/signals`)
    await shoot(page, 'token-created')

    const posted = await fetch(`${base}/api/v1/briefs/${id}/signals`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ measuredAt: TODAY, p95LatencyMs: 620 }),
    })
    expect(posted.status).toBe(201)

    // Shown once: the list has the prefix only.
    await page.goto(`${base}/briefs/${id}/tokens`)
    await expect(page.content()).resolves.not.toContain(token)
    const row = page.getByRole('row', { name: /nightly metrics job/ })
    await expect(row.textContent()).resolves.toContain(`${token.slice(0, 8)}…`)
    await expect(row.textContent()).resolves.not.toContain('Never')

    await Promise.all([
      page.waitForURL(/\/tokens\/t_[a-z2-7]{16}\/revoke/),
      row.getByRole('button', { name: /Revoke/ }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: /Revoke token “nightly metrics job”\?/ }).waitFor()
    await Promise.all([
      page.waitForURL(/\/tokens\?revoked=t_/),
      page.getByRole('button', { name: 'Revoke the token' }).click(),
    ])
    await expect(page.getByRole('status').textContent()).resolves.toContain('revoked')
    const refused = await fetch(`${base}/api/v1/briefs/${id}/signals`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ measuredAt: TODAY, p95LatencyMs: 630 }),
    })
    expect(refused.status).toBe(401)

    // The script's check-in is on the brief: latency past its threshold, flagged on the home page.
    await page.goto(`${base}/`)
    const attention = page.getByRole('region', { name: 'Needs a look' })
    await expect(attention.getByRole('listitem').filter({ hasText: 'Ledgerline' }).textContent()).resolves.toContain(
      'Trigger fired',
    )
    await shoot(page, 'home', page.locator('#your-briefs'))
    await context.close()
  })
})
