import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema, generateBrief } from '#app/engine/index.ts'
import { renderMarkdown } from '#app/export/markdown.ts'
import { renderPdf } from '#app/export/pdf.ts'
import { median } from './stats.ts'

/**
 * The PDF export against the way a browser would print the same brief:
 * pdfmake in this process versus headless Chromium's page.pdf(). Chromium
 * prints the example page of the built app (`npm run build` first; its HTML
 * and assets are answered in-process, no port) or, without a build, the
 * Markdown export turned into plain HTML (or with PDF_BENCH_HTML=markdown).
 * Chromium is timed twice: with the
 * browser already running, and from launch to close. Target: pdfmake at
 * least 3× faster than Chromium, and under 300 ms for a typical brief.
 */

const ROOT = new URL('../../', import.meta.url).pathname
const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
const DATE = '2026-11-21'

interface Example {
  name: string
  brief: ReturnType<typeof generateBrief>
  answers: ReturnType<typeof AnswersSchema.parse>
}

export async function benchPdf({ runs = 20, chromiumRuns = 10, launchRuns = 5 } = {}) {
  const catalog = loadCatalog()
  const dir = join(ROOT, 'content', 'examples')
  const examples: Example[] = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const answers = AnswersSchema.parse(parse(readFileSync(join(dir, file), 'utf8')))
      return { name: file.replace(/\.yaml$/, ''), answers, brief: generateBrief(answers, catalog) }
    })

  const rssBefore = process.memoryUsage().rss
  const rows: Record<string, string | number>[] = []
  const pdfMedians: number[] = []
  const pdfCpu: number[] = []
  for (const ex of examples) {
    const render = () => renderPdf(ex.brief, ex.answers, { date: DATE })
    let heapPeak = 0
    let bytes = 0
    for (let i = 0; i < 3; i++) await render()
    const times: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      const cpuStart = process.cpuUsage()
      const pdf = await render()
      times.push(performance.now() - start)
      const used = process.cpuUsage(cpuStart)
      cpu.push((used.user + used.system) / 1000)
      // Read before the next collection: what the render left on the heap is close to its peak.
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
      bytes = pdf.byteLength
    }
    const m = median(times)
    pdfMedians.push(m)
    pdfCpu.push(median(cpu))
    rows.push({
      example: ex.name,
      'pdfmake median': ms(m),
      'pdfmake CPU': ms(median(cpu)),
      'heap after render (max)': mb(heapPeak),
      size: kb(bytes),
    })
  }
  const peakRss = process.resourceUsage().maxRSS * 1024

  const chromium = await benchChromium(examples, chromiumRuns, launchRuns)
  console.log(
    `\nPDF of each example: pdfmake in-process (median of ${runs} after 3 warm-up renders) vs Chromium page.pdf()`,
  )
  console.table(
    rows.map((r, i) => ({
      ...r,
      'chromium median (browser running)': ms(chromium.rows[i].warm),
      'chromium CPU (all processes)': ms(chromium.rows[i].cpu),
      'chromium median (incl. launch)': ms(chromium.rows[i].cold),
      'chromium peak memory (PSS)': mb(chromium.rows[i].rss),
      'ratio (running)': `${(chromium.rows[i].warm / pdfMedians[i]).toFixed(1)}×`,
    })),
  )
  const pdfAll = median(pdfMedians)
  const warmAll = median(chromium.rows.map((r) => r.warm))
  const coldAll = median(chromium.rows.map((r) => r.cold))
  const pdfCpuAll = median(pdfCpu)
  const chromiumCpuAll = median(chromium.rows.map((r) => r.cpu))
  console.log(`Chromium printed: ${chromium.source}`)
  console.log(
    `pdfmake: median of medians ${ms(pdfAll)} per brief (target < 300 ms); process peak RSS ${mb(peakRss)} (${mb(rssBefore)} before the first render)`,
  )
  console.log(
    `chromium: ${ms(warmAll)} with the browser running (${(warmAll / pdfAll).toFixed(1)}× pdfmake), ${ms(coldAll)} including launch (${(coldAll / pdfAll).toFixed(1)}×); target ≥ 3×`,
  )
  // On a busy machine wall time mostly measures the queue for a core; CPU time is the cost of the work itself.
  console.log(
    `CPU time per PDF: pdfmake ${ms(pdfCpuAll)}, chromium ${ms(chromiumCpuAll)} summed over its processes and this one (${(chromiumCpuAll / pdfCpuAll).toFixed(1)}×)`,
  )
  return { pdfAll, warmAll, coldAll, rows, chromium }
}

async function benchChromium(examples: readonly Example[], runs: number, launchRuns: number) {
  const { chromium } = await import('playwright-core')
  const source = await htmlSource()
  const launch = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const print = async (browser: Awaited<ReturnType<typeof launch>>, ex: Example) => {
    const before = cpuMs()
    const page = await browser.newPage()
    await source.open(page, ex)
    await page.pdf({ format: 'A4', printBackground: true })
    // Read before the page closes, while its renderer process still exists.
    const cpu = cpuMs() - before
    await page.close()
    return cpu
  }
  const rows: { warm: number; cold: number; rss: number; cpu: number }[] = []
  const browser = await launch()
  try {
    for (const ex of examples) {
      await print(browser, ex)
      const times: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < runs; i++) {
        const start = performance.now()
        cpu.push(await print(browser, ex))
        times.push(performance.now() - start)
      }
      // Memory from one more print, untimed: reading /proc while timing would slow the browser down.
      let rss = 0
      const sampling = sampleChildMemory((bytes) => {
        rss = Math.max(rss, bytes)
      })
      await print(browser, ex)
      sampling.stop()
      rows.push({ warm: median(times), cold: 0, rss, cpu: median(cpu) })
    }
  } finally {
    await browser.close()
  }
  for (const [i, ex] of examples.entries()) {
    const times: number[] = []
    for (let r = 0; r < launchRuns; r++) {
      const start = performance.now()
      const cold = await launch()
      await print(cold, ex)
      await cold.close()
      times.push(performance.now() - start)
    }
    rows[i].cold = median(times)
  }
  return { rows, source: source.name }
}

type Page = import('playwright-core').Page

interface HtmlSource {
  name: string
  open(page: Page, ex: Example): Promise<void>
}

/**
 * The built app's example page when there is a build, else the Markdown export as plain HTML;
 * `PDF_BENCH_HTML=markdown` asks for the plain HTML even with a build.
 */
async function htmlSource(): Promise<HtmlSource> {
  const serverBuild = join(ROOT, 'build', 'server', 'index.js')
  if (existsSync(serverBuild) && process.env.PDF_BENCH_HTML !== 'markdown') {
    const { createRequestHandler } = await import('@remix-run/node')
    const build = await import(pathToFileURL(serverBuild).href)
    const handle = createRequestHandler(build, 'production')
    const clientDir = join(ROOT, 'build', 'client')
    return {
      name: 'the example page of the built app (/examples/:name, its CSS and scripts answered in-process)',
      async open(page, ex) {
        await page.route('http://stackbrief.local/**', async (route) => {
          const url = new URL(route.request().url())
          const file = join(clientDir, decodeURIComponent(url.pathname))
          if (url.pathname.startsWith('/assets/') && existsSync(file)) {
            return route.fulfill({
              body: readFileSync(file),
              contentType: MIME[extname(file)] ?? 'application/octet-stream',
            })
          }
          const response = await handle(new Request(url))
          return route.fulfill({
            status: response.status,
            headers: Object.fromEntries(response.headers),
            body: Buffer.from(await response.arrayBuffer()),
          })
        })
        await page.goto(`http://stackbrief.local/examples/${ex.name}`, { waitUntil: 'load' })
      },
    }
  }
  const [{ micromark }, { gfm, gfmHtml }] = await Promise.all([import('micromark'), import('micromark-extension-gfm')])
  return {
    name: `the Markdown export as plain HTML${existsSync(join(ROOT, 'build')) ? '' : ' (no build found; run npm run build to print the example page)'}`,
    async open(page, ex) {
      const body = micromark(renderMarkdown(ex.brief, ex.answers), { extensions: [gfm()], htmlExtensions: [gfmHtml()] })
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><style>body{font:10pt system-ui,sans-serif;margin:2cm}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px}</style>${body}`,
      )
    },
  }
}

const MIME: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
}

/**
 * Polls the memory of this process's descendants (the browser's processes) every 50 ms, as the sum of their
 * proportional set sizes: shared pages split between the processes that share them, so nothing counts twice.
 */
function sampleChildMemory(onSample: (bytes: number) => void): { stop(): void } {
  const timer = setInterval(() => onSample(descendantPssKb(process.pid) * 1024), 50)
  return { stop: () => clearInterval(timer) }
}

function descendants(root: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  return [...parents.keys()].filter((pid) => {
    let p = parents.get(pid)
    while (p !== undefined && p !== 0 && p !== root) p = parents.get(p)
    return p === root
  })
}

function descendantPssKb(root: number): number {
  let total = 0
  for (const pid of descendants(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
    } catch {
      // Ended, or not ours to read.
    }
  }
  return total
}

const CLOCK_TICK_MS = 10

/** CPU time so far of this process and every process below it (the browser's), in milliseconds. */
function cpuMs(): number {
  const own = process.cpuUsage()
  let ticks = 0
  for (const pid of descendants(process.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // Ended between the listing and the read.
    }
  }
  return (own.user + own.system) / 1000 + ticks * CLOCK_TICK_MS
}

function ms(v: number): string {
  return `${v.toFixed(0)} ms`
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`
}
