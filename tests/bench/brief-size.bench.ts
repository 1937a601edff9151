import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { AnswersSchema } from '#app/engine/index.ts'
import { renderMarkdown } from '#app/export/markdown.ts'
import { createBrief } from '#app/services/briefs.server.ts'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'

/**
 * How long each shipped example and hard case is: Markdown words in full and
 * in the executive brief (counted as `wc -w` counts), and the brief page's
 * HTML bytes over a real HTTP request to the production build. Targets from
 * the brief's length issue: 4,500 words, 700 for the executive part, a page
 * under 120 KB.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CASES = [
  ...readdirSync(join(ROOT, 'content/examples')).map((f) => join(ROOT, 'content/examples', f)),
  ...readdirSync(join(ROOT, 'tests/fixtures/hard-cases')).map((f) => join(ROOT, 'tests/fixtures/hard-cases', f)),
].filter((f) => f.endsWith('.yaml'))

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/** Words a reader reads: table pipes and rules are not words. */
export function proseWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

export function executivePart(markdown: string): string {
  const start = markdown.indexOf('## Executive brief')
  if (start < 0) return ''
  const next = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, next < 0 ? undefined : next)
}

export async function benchBriefSize() {
  const catalog = loadCatalog()
  const built = existsSync(join(ROOT, 'build/server/index.js'))
  const dir = mkdtempSync(join(tmpdir(), 'stackbrief-size-'))
  const dbFile = join(dir, 'size.db')
  const opened = openDatabase(dbFile)
  await migrateToLatest(opened.db, opened.dialect)
  const rows: { name: string; words: number; prose: number; executive: number; id: string }[] = []
  for (const file of CASES) {
    const answers = AnswersSchema.parse(parse(readFileSync(file, 'utf8')))
    const markdown = renderMarkdown(generateBrief(answers, catalog), answers)
    const { brief } = await createBrief(opened, { workspaceId: LOCAL_WORKSPACE_ID, answers })
    rows.push({
      name: basename(file, '.yaml'),
      words: wordCount(markdown),
      prose: proseWords(markdown),
      executive: proseWords(executivePart(markdown)),
      id: brief.id,
    })
  }
  await opened.close()

  const port = Number(process.env.BENCH_PORT ?? 3121)
  const server = built ? startServer(port, dbFile) : undefined
  try {
    const base = `http://127.0.0.1:${port}`
    if (server) await waitForHealth(base)
    const table = []
    for (const row of rows) {
      let html = ''
      if (server) {
        const response = await fetch(`${base}/briefs/${row.id}`)
        if (!response.ok) throw new Error(`GET /briefs/${row.id}: ${response.status}`)
        html = await response.text()
      }
      table.push({
        brief: row.name,
        'md words (wc -w)': row.words,
        'words with a letter or digit': row.prose,
        'executive words': row.executive,
        'page bytes': server ? Buffer.byteLength(html) : 'no build',
        'page bytes gzip': server ? gzipSync(html).length : 'no build',
      })
    }
    console.log('\nBrief length per example (target: 4,500 words, executive 700, page under 120,000 bytes)')
    console.table(table)
  } finally {
    if (server) await stopServer(server)
    rmSync(dir, { recursive: true, force: true })
  }
}

function startServer(port: number, dbFile: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbFile,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  await exited
}

async function waitForHealth(base: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the server did not answer /healthz within 30 s')
}
