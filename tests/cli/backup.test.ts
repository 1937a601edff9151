import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { ROOT, stackbrief } from './helpers.ts'

/**
 * The restore drill: back up a SQLite database while another process writes
 * to it, restore the copy, and find every revision acknowledged before the
 * backup began, with each brief's head pointing at its latest revision.
 */

const dir = mkdtempSync(join(tmpdir(), 'stackbrief-backup-'))
const WRITER = fileURLToPath(new URL('../support/sqlite-writer.ts', import.meta.url))
let writer: ChildProcess | undefined
afterAll(() => {
  if (writer && writer.exitCode === null) writer.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function startWriter(path: string) {
  const acknowledged: string[] = []
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, '30'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let buffer = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    acknowledged.push(...lines)
  })
  const exited = new Promise<void>((done) => child.on('exit', () => done()))
  return { child, acknowledged, exited }
}

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
}

describe('stackbrief backup', () => {
  it('copies a SQLite database under write load, and the restored copy holds every acknowledged revision', async () => {
    const live = join(dir, 'live.db')
    const opened = openDatabase(live)
    await migrateToLatest(opened.db, opened.dialect)
    await opened.close()

    const run = startWriter(live)
    writer = run.child
    await until(() => run.acknowledged.length >= 60, 20_000)
    const before = [...run.acknowledged]
    expect(before.length).toBeGreaterThanOrEqual(60)

    const out = join(dir, 'backup.db')
    const result = await stackbrief(['backup', '--out', out, '--database', live])
    const after = run.acknowledged.length
    run.child.kill('SIGTERM')
    await run.exited
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^Backed up SQLite at .* to .*backup\.db \([\d.]+ [KM]?B, [\d,]+ revisions, [\d.]+ s\)\./,
    )
    // The writer went on while the copy was made.
    expect(after).toBeGreaterThan(before.length)

    // Restore: the copy takes the live file's place.
    const restoredPath = join(dir, 'restored.db')
    copyFileSync(out, restoredPath)
    const restored = openDatabase(restoredPath)
    try {
      await migrateToLatest(restored.db, restored.dialect)
      const rows = await restored.db.selectFrom('revisions').select(['brief_id', 'number']).execute()
      const stored = new Set(rows.map((r) => `${r.brief_id} ${Number(r.number)}`))
      const missing = before.filter((ack) => !stored.has(ack))
      expect(missing).toEqual([])
      // Consistent: each brief's head is its highest revision, with none missing below it.
      const heads = await restored.db.selectFrom('briefs').select(['id', 'head_revision']).execute()
      for (const { id, head_revision } of heads) {
        const numbers = rows.filter((r) => r.brief_id === id).map((r) => Number(r.number))
        expect(numbers.length, id).toBe(Number(head_revision))
        expect(Math.max(...numbers), id).toBe(Number(head_revision))
      }
    } finally {
      await restored.close()
    }
    const check = new SQLite(out, { readonly: true })
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    check.close()
  }, 60_000)

  it('never overwrites, names a missing database, and for PostgreSQL prints the pg_dump command', async () => {
    const out = join(dir, 'backup.db')
    expect(existsSync(out)).toBe(true)
    const again = await stackbrief(['backup', '--out', out, '--database', join(dir, 'live.db')])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('--out: expected a file that does not exist yet')
    const missing = await stackbrief(['backup', '--out', join(dir, 'x.db'), '--database', join(dir, 'nope.db')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--database: expected a SQLite database file that exists')
    const noOut = await stackbrief(['backup', '--database', join(dir, 'live.db')])
    expect(noOut.code).toBe(2)

    const pg = await stackbrief(['backup', '--out', 'stackbrief.dump'], {
      env: { DATABASE_URL: 'postgres://app:secret@db.internal:5432/stackbrief' },
    })
    expect(pg.code).toBe(0)
    expect(pg.stdout).toContain(
      'pg_dump --format=custom --no-owner --file stackbrief.dump postgres://app@db.internal:5432/stackbrief',
    )
    expect(pg.stdout).toContain('pg_restore')
    expect(pg.stdout).not.toContain('secret')
  })
})
