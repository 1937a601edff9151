import type { Signals, TriggerEvaluation } from '#app/engine/signals.ts'
import { describeValue, problem } from '#app/lib/problems.ts'
import { defineCommand } from './command.ts'
import { InputError } from './errors.ts'
import { REVISION_FILE_KINDS } from './revision-file.ts'

/** Exit status when at least one trigger fired: distinct from bad input (2) so cron or CI can act on it. */
export const EXIT_FIRED = 3

export const check = defineCommand({
  name: 'check',
  summary: 'Check measured figures against the triggers of a brief',
  description: [
    "Judge a check-in of measured figures (signals) against every migration trigger of a brief, and print each trigger's status, the figure observed, the threshold and the step to take.",
    'SIGNALS is JSON or YAML: "measuredAt" (YYYY-MM-DD) and at least one figure, each a number in its canonical unit or {"value": …, "unit": …}: activeUsers (users), peakRequestsPerSecond (requests/s or requests/min), p95LatencyMs (ms or s), dbCpuPercent (% or ratio 0..1), dbSizeGb (GB, MB or TB), longestJobSeconds (s, ms, min or h), queueDepth (jobs), errorRatePercent (% or ratio), engineers, monthlyInfraUsd (USD/month, USD or cents), vectorCount (vectors), vectorQueryP95Ms (ms or s), timeseriesEventsPerSecond (events/s or events/min), regionsRequired (regions).',
    `--brief is required: ${REVISION_FILE_KINDS}. A trigger whose metric the check-in lacks keeps the status the brief gave it and is marked "not measured".`,
  ].join('\n\n'),
  args: [
    {
      name: 'SIGNALS',
      key: 'signals',
      summary: 'the check-in, JSON or YAML; - reads standard input',
      expected: 'a path to a signals file (JSON or YAML), or - for standard input',
    },
  ],
  flags: [
    { name: 'brief', value: 'PATH', summary: 'the brief to check against: answers, brief or revision file (required)' },
    { name: 'format', value: 'text|json', summary: 'print a table or JSON (default: text)' },
  ],
  options: (z) =>
    z.strictObject({
      signals: z.string(),
      brief: z.string().min(1).optional(),
      format: z.enum(['text', 'json']).default('text'),
    }),
  examples: [
    'stackbrief check signals.yaml --brief answers.yaml',
    'stackbrief check signals.json --brief brief.json --format json || notify-team',
  ],
  exitStatus:
    'Exit status: 0 when no trigger fired; 3 when at least one fired; 2 on bad input, each problem on standard error as "path: expected …, got …"; 1 on an internal failure.',
  async run({ signals: signalsFile, brief: briefFile, format }, io) {
    if (briefFile === undefined) {
      throw new InputError(
        [problem('--brief', 'a path to the answers, brief or revision to check against', 'nothing')],
        'Run "stackbrief check --help" for usage.',
      )
    }
    const [{ readDataFile }, { readRevisionFile, requireOneStdin }, { parseWithProblems }, engine] = await Promise.all([
      import('./answers-file.ts'),
      import('./revision-file.ts'),
      import('#app/lib/problems.ts'),
      import('#app/engine/signals.ts'),
    ])
    requireOneStdin([
      ['SIGNALS', signalsFile],
      ['--brief', briefFile],
    ])
    const [raw, revision] = await Promise.all([
      readDataFile(signalsFile, io, 'signals'),
      readRevisionFile(briefFile, io),
    ])
    const parsed = parseWithProblems(engine.SignalsSchema, raw)
    if (!parsed.success) throw new InputError(parsed.problems)
    const signals = parsed.data
    const results = engine.evaluateSignals(revision.brief, revision.answers, signals)
    const used = new Set(results.flatMap((r) => [r.metric, ...r.alsoRequires.map((c) => c.metric)]))
    const unused = engine.SIGNAL_FIELDS.filter(
      (f) => signals[f] !== undefined && !used.has(engine.SIGNAL_FIGURES[f].metric),
    )
    const counts = {
      fired: results.filter((r) => r.status === 'fired').length,
      approaching: results.filter((r) => r.status === 'approaching').length,
      ok: results.filter((r) => r.status === 'ok').length,
      notMeasured: results.filter((r) => r.source === 'brief').length,
    }
    if (format === 'json') {
      const { title, engineVersion, catalogVersion } = revision.brief
      const body = {
        measuredAt: signals.measuredAt,
        brief: { title, engineVersion, catalogVersion },
        counts,
        triggers: results,
        unusedFigures: unused,
      }
      io.stdout(`${JSON.stringify(body, null, 2)}\n`)
    } else {
      io.stdout(textReport(revision.brief.title, signals, results, unused, counts, engine.figureText))
    }
    return counts.fired > 0 ? EXIT_FIRED : undefined
  },
})

const STATUS_TEXT: Record<TriggerEvaluation['status'], string> = {
  fired: 'FIRED',
  approaching: 'approaching',
  ok: 'ok',
}

function textReport(
  title: string,
  signals: Signals,
  results: readonly TriggerEvaluation[],
  unused: readonly string[],
  counts: { fired: number; approaching: number; ok: number; notMeasured: number },
  figure: (value: number, unit: string) => string,
): string {
  const lines = [`Check-in of ${signals.measuredAt} against ${describeValue(oneLine(title))}`, '']
  if (results.length === 0) {
    lines.push('This brief has no migration triggers.')
  } else {
    const rows = results.map((r) => [
      r.id,
      r.metric,
      r.observed === null ? 'not measured' : figure(r.observed, r.unit),
      `${r.comparator} ${figure(r.threshold, r.unit)}${r.alsoRequires.map((c) => ` and ${c.metric} ${c.comparator} ${figure(c.threshold, c.unit)}`).join('')}`,
      STATUS_TEXT[r.status],
      r.status === 'ok' ? '–' : `${oneLine(r.action)} (guide: ${r.guidePath})`,
    ])
    lines.push(...columns(['TRIGGER', 'METRIC', 'OBSERVED', 'THRESHOLD', 'STATUS', 'STEP'], rows))
    const notes = results.filter((r) => r.note !== null && r.source === 'check_in')
    if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((r) => `  ${r.id}: ${r.note}`))
  }
  if (unused.length > 0) lines.push('', `Not used by any trigger of this brief: ${unused.join(', ')}`)
  const notMeasured = counts.notMeasured > 0 ? ` (${counts.notMeasured} not measured, status as in the brief)` : ''
  lines.push('', `${counts.fired} fired, ${counts.approaching} approaching, ${counts.ok} ok${notMeasured}`, '')
  return lines.join('\n')
}

/** Left-aligned columns; the last one runs to the end of the line. */
function columns(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [head, ...rows]
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  return all.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  )
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
