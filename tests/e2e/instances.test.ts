import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { testDatabases } from '#tests/support/databases.ts'
import { signUpSession } from './harness.ts'

/**
 * Two instances of the built server, each its own process, on one PostgreSQL
 * schema: the rate limits are counted in the database, so a client that
 * spreads its attempts over both instances meets one limit, not two.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const postgres = (await testDatabases()).find((d) => d.name === 'postgres')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function startInstance(databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['build/node/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Instances that share a database share the key their sessions are signed with.
      BETTER_AUTH_SECRET: 'instances-share-this-secret-0123456789',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the instance on port ${port} exited with ${child.exitCode}`)
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, child }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGTERM')
  throw new Error(`the instance on port ${port} did not answer /healthz in 30 s`)
}

describe.skipIf(!postgres)('two instances on one PostgreSQL', { timeout: 90_000 }, () => {
  let cleanup: () => Promise<void> = async () => {}
  const instances: Array<{ base: string; child: ChildProcess }> = []

  beforeAll(async () => {
    const opened = await postgres!.open()
    cleanup = opened.cleanup
    // Each instance opens its own pool; the test's handle is not needed.
    await opened.db.close()
    instances.push(await startInstance(opened.url), await startInstance(opened.url))
  }, 90_000)

  afterAll(async () => {
    for (const { child } of instances) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    await cleanup().catch(() => {})
  })

  it('share one limit on wrong check-in tokens: 10 on each, then 429 on both', async () => {
    const [a, b] = instances
    const answers = parse(readFileSync(join(ROOT, 'content', 'examples', 'b2b-saas.yaml'), 'utf8'))
    // Signed up on one instance, the session holds on the other.
    const session = await signUpSession(a.base)
    const created = await fetch(`${a.base}/api/v1/briefs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: session },
      body: JSON.stringify(answers),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    // Written on one instance, read on the other: the same database.
    expect((await fetch(`${b.base}/api/v1/briefs/${id}`, { headers: { Cookie: session } })).status).toBe(200)

    const guess = (on: string) =>
      fetch(`${on}/api/v1/briefs/${id}/signals`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer sbt_${'y'.repeat(32)}` },
        body: JSON.stringify({ measuredAt: '2026-06-01', engineers: 3 }),
      })
    for (let i = 0; i < 20; i++) expect((await guess(i % 2 ? b.base : a.base)).status).toBe(401)
    const onA = await guess(a.base)
    const onB = await guess(b.base)
    expect([onA.status, onB.status]).toEqual([429, 429])
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
