import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { type Browser, chromium } from 'playwright-core'
import { parse } from 'yaml'
import { createApp } from '../../server.ts'

const ROOT = join(import.meta.dirname, '..', '..')

export interface Harness {
  base: string
  /** Every page and context it opens is signed in as the harness's account. */
  browser: Browser
  /** The `Cookie` header of that account's session, for fetch calls that act as it. */
  session: string
  close(): Promise<void>
}

/** A new account made through the auth endpoint; its session as a `Cookie` header. */
export async function signUpSession(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: `e2e-${Math.random().toString(36).slice(2, 10)}@example.test`,
      password: 'a long enough password',
      name: 'Browser tests',
    }),
  })
  if (res.status !== 200) throw new Error(`sign-up answered ${res.status}`)
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

/** Every context the browser opens from now on carries the session (pages from newPage included). */
function signBrowserIn(browser: Browser, base: string, session: string) {
  const cookies = session.split('; ').map((pair) => {
    const at = pair.indexOf('=')
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base }
  })
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => {
    const context = await newContext(options)
    await context.addCookies(cookies)
    return context
  }
  browser.newPage = async (options) => {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    // When the harness closes the browser first, the context is gone with it; that is not a failure.
    page.once('close', () => context.close().catch(() => undefined))
    return page
  }
}

/**
 * The built server on an ephemeral port, with its own SQLite file, and
 * Debian's chromium driven by playwright-core.
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(ROOT, 'build', 'server', 'index.js'))) {
    throw new Error('No production build: run `npx remix vite:build` before the browser tests.')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'stackbrief-e2e-'))
  // The server opens its database on first use, so this must be set before the first request.
  process.env.DATABASE_URL = join(dataDir, 'e2e.db')
  const app = await createApp({ mode: 'production', logger: pino({ level: 'silent' }) })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const session = await signUpSession(base)
  signBrowserIn(browser, base, session)
  return {
    base,
    browser,
    session,
    async close() {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A saved brief from one of the shipped examples, made through the API; its id. */
export async function createExampleBrief(harness: Harness, example = 'b2b-saas'): Promise<string> {
  const answers = parse(readFileSync(join(ROOT, 'content', 'examples', `${example}.yaml`), 'utf8'))
  const response = await fetch(`${harness.base}/api/v1/briefs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: harness.session },
    body: JSON.stringify(answers),
  })
  if (response.status !== 201) throw new Error(`creating the ${example} brief answered ${response.status}`)
  return ((await response.json()) as { id: string }).id
}
