import { benchDb } from './db.bench.ts'
import { benchDiff } from './diff.bench.ts'
import { benchEngine } from './engine.bench.ts'
import { benchPdf } from './pdf.bench.ts'

/**
 * `npm run bench`: prints medians and ratios. Benchmarks, not tests: nothing
 * here fails a build, because shared machines are noisy. Figures go in notes.
 */
const only = process.argv[2]
if (!only || only === 'engine') benchEngine()
if (!only || only === 'diff') benchDiff()
// Launches Chromium and takes minutes, so it runs only when named.
if (only === 'pdf') await benchPdf()
// 1,000 check-ins on one brief, per database.
if (!only || only === 'signals') await (await import('./signals.bench.ts')).benchSignals()
if (!only || only === 'signals-page') await (await import('./signals-page.bench.ts')).benchSignalsPage()
// Needs a production build (npm run build); starts the server in its own process.
if (!only || only === 'throughput') await (await import('./throughput.bench.ts')).benchThroughput()
// Markdown words and brief-page bytes per example; the page figures need a production build.
if (only === 'size') await (await import('./brief-size.bench.ts')).benchBriefSize()
// Seeds 100,000 revisions (about 5 GB of JSON) per database, so it runs only when named.
if (only === 'db') await benchDb()
