import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type Harness, startHarness } from './harness.ts'

/**
 * The Content-Security-Policy in a real browser: every page hydrates, charts
 * draw, the wizard's forms check answers and submit through Remix's `.data`
 * requests (same-origin posts, which the cross-site check lets through), and
 * the browser reports no violation of the policy.
 */

const ROOT = join(import.meta.dirname, '..', '..')

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

declare global {
  interface Window {
    __cspViolations?: string[]
    __remixRouter?: { state: { initialized: boolean } }
  }
}

/** A page that records CSP violations (from the document's event) and console errors. */
async function openPage(): Promise<{ page: Page; problems: () => Promise<string[]> }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations?.push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      )
    })
  })
  return {
    page,
    problems: async () => [...errors, ...(await page.evaluate(() => window.__cspViolations ?? []))],
  }
}

async function hydrated(page: Page) {
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true, undefined, { timeout: 15_000 })
}

async function createBriefWithCheckins(): Promise<string> {
  const answers = parse(readFileSync(join(ROOT, 'content', 'examples', 'b2b-saas.yaml'), 'utf8'))
  const created = await fetch(`${base}/api/v1/briefs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: harness.session },
    body: JSON.stringify(answers),
  })
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const form = await fetch(`${base}/briefs/${id}/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: harness.session },
    body: 'name=csp',
  })
  const token = /sbt_[0-9A-Za-z]{32}/.exec(await form.text())?.[0]
  expect(token).toBeDefined()
  for (const [day, engineers] of [
    ['2026-01-05', 4],
    ['2026-02-05', 7],
    ['2026-03-05', 9],
  ] as const) {
    const checkin = await fetch(`${base}/api/v1/briefs/${id}/signals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ measuredAt: day, engineers, activeUsers: engineers * 1000 }),
    })
    expect(checkin.status).toBe(201)
  }
  return id
}

describe('Content-Security-Policy in a browser', { timeout: 120_000 }, () => {
  it('pages hydrate and charts draw with no violation', async () => {
    const id = await createBriefWithCheckins()
    const { page, problems } = await openPage()
    const visits: Array<[string, string | null]> = [
      ['/', null],
      ['/examples/b2b-saas', '.recharts-surface'],
      ['/guides', null],
      [`/briefs/${id}`, null],
      [`/briefs/${id}/signals`, '.recharts-surface'],
      [`/briefs/${id}/tokens`, null],
    ]
    for (const [path, drawn] of visits) {
      const response = await page.goto(`${base}${path}`)
      expect(response?.status(), path).toBe(200)
      expect(response?.headers()['content-security-policy'], path).toContain("'nonce-")
      await hydrated(page)
      if (drawn) {
        // Charts load when they scroll into view.
        await page
          .locator('[data-testid="cost-chart"], [data-testid^="signal-chart-"]')
          .first()
          .scrollIntoViewIfNeeded()
        await page.locator(drawn).first().waitFor({ timeout: 15_000 })
      }
      expect(await problems(), path).toEqual([])
    }
    // A guide (MDX), reached by a client-side navigation.
    await page.goto(`${base}/guides`)
    await hydrated(page)
    const guide = page.locator('main a[href^="/guides/"]').first()
    const href = await guide.getAttribute('href')
    await Promise.all([page.waitForURL(`${base}${href}`), guide.click()])
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await problems()).toEqual([])
    // The policy is enforced, and the recorder sees it: a script injected without the nonce does not run.
    const ran = await page.evaluate(async () => {
      const injected = document.createElement('script')
      injected.textContent = 'window.__injectedRan = true'
      document.body.append(injected)
      await new Promise((resolve) => setTimeout(resolve, 100))
      return (window as { __injectedRan?: boolean }).__injectedRan === true
    })
    expect(ran).toBe(false)
    expect((await problems()).join('\n')).toMatch(/script-src/)
    await page.close()
  })

  it("the wizard's forms check and submit through .data requests with no violation", async () => {
    const { page, problems } = await openPage()
    await page.goto(`${base}/new`)
    // /new is a start page; its button posts and makes the draft.
    await Promise.all([
      page.waitForURL(/\/drafts\/d_[a-z2-7]{16}\/product$/),
      page.getByRole('button', { name: 'Start the questionnaire' }).click(),
    ])
    await hydrated(page)
    // Leaving a question asks the server (a same-origin .data post) and shows its message.
    const name = page.getByLabel('What is the product called?')
    await name.focus()
    await name.blur()
    await page.getByText('Expected text, got nothing.').waitFor()
    await name.fill('Noncebook')
    await expect.poll(() => name.getAttribute('aria-invalid')).toBeNull()
    expect(await problems()).toEqual([])
    await page.close()
  })
})
