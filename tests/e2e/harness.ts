import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { type Browser, chromium } from 'playwright-core'
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
