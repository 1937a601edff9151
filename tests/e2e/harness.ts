import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { type Browser, chromium } from 'playwright-core'
import { parse } from 'yaml'
import { createApp } from '../../server'

const ROOT = join(import.meta.dirname, '..', '..')

export interface Harness {
  base: string
  browser: Browser
  close(): Promise<void>
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
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A saved brief from one of the shipped examples, made through the API; its id. */
export async function createExampleBrief(base: string, example = 'b2b-saas'): Promise<string> {
  const answers = parse(readFileSync(join(ROOT, 'content', 'examples', `${example}.yaml`), 'utf8'))
  const response = await fetch(`${base}/api/v1/briefs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(answers),
  })
  if (response.status !== 201) throw new Error(`creating the ${example} brief answered ${response.status}`)
  return ((await response.json()) as { id: string }).id
}
