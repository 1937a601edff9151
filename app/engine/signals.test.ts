import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { parseWithProblems } from '#app/lib/problems.ts'
import { type Answers, AnswersSchema } from './answers.ts'
import { type Brief, METRIC_IDS, METRICS } from './brief.ts'
import { diffBriefs } from './diff.ts'
import { generateBrief } from './generate.ts'
import {
  canonicalUnit,
  evaluateSignals,
  METRIC_SIGNAL_FIELDS,
  NOT_MEASURED,
  SIGNAL_FIELDS,
  SIGNAL_FIGURES,
  type Signals,
  type SignalsInput,
  SignalsSchema,
  signalsToAnswers,
  TriggerEvaluationSchema,
} from './signals.ts'
import { evaluateTrigger, readingsFromAnswers, TRIGGER_DEFS } from './triggers.ts'

const catalog = loadCatalog()
const EXAMPLES = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../content/examples/*.yaml', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.replace(/^.*\/(.*)\.yaml$/, '$1'), AnswersSchema.parse(parse(text))]),
) as Record<string, Answers>

const SHIFTWISE = EXAMPLES['b2b-saas']
const SHIFTWISE_BRIEF = generateBrief(SHIFTWISE, catalog)
const DAY = '2026-05-01'

function signals(figures: Omit<SignalsInput, 'measuredAt'>): Signals {
  return SignalsSchema.parse({ measuredAt: DAY, ...figures })
}

function problems(input: unknown): string[] {
  const parsed = parseWithProblems(SignalsSchema, input)
  return parsed.success ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`)
}

describe('SignalsSchema: figures and their units', () => {
  it('maps every figure to its own engine metric, in that metric’s unit, and covers every metric', () => {
    const metrics = SIGNAL_FIELDS.map((f) => SIGNAL_FIGURES[f].metric)
    expect(new Set(metrics).size).toBe(SIGNAL_FIELDS.length)
    expect([...metrics].sort()).toEqual([...METRIC_IDS].sort())
    for (const field of SIGNAL_FIELDS) {
      expect(Object.keys(SIGNAL_FIGURES[field].units)[0]).toBe(METRICS[SIGNAL_FIGURES[field].metric].unit)
      expect(canonicalUnit(field)).toBe(METRICS[SIGNAL_FIGURES[field].metric].unit)
      expect(METRIC_SIGNAL_FIELDS[SIGNAL_FIGURES[field].metric]).toBe(field)
    }
  })

  it.each(SIGNAL_FIELDS)('%s: a bare number and the canonical unit written out read the same', (field) => {
    const bare = signals({ [field]: 7 })
    const written = signals({ [field]: { value: 7, unit: canonicalUnit(field) } })
    expect(bare).toEqual({ measuredAt: DAY, [field]: 7 })
    expect(written).toEqual(bare)
  })

  it.each([
    { field: 'p95LatencyMs', input: { value: 0.5, unit: 's' }, canonical: 500 },
    { field: 'p95LatencyMs', input: { value: 0.07, unit: 's' }, canonical: 70 },
    { field: 'vectorQueryP95Ms', input: { value: 0.12, unit: 's' }, canonical: 120 },
    { field: 'dbCpuPercent', input: { value: 0.7, unit: 'ratio' }, canonical: 70 },
    { field: 'dbCpuPercent', input: { value: 0.07, unit: 'ratio' }, canonical: 7 },
    { field: 'errorRatePercent', input: { value: 0.015, unit: 'ratio' }, canonical: 1.5 },
    { field: 'dbSizeGb', input: { value: 1500, unit: 'MB' }, canonical: 1.5 },
    { field: 'dbSizeGb', input: { value: 2, unit: 'TB' }, canonical: 2000 },
    { field: 'longestJobSeconds', input: { value: 45_000, unit: 'ms' }, canonical: 45 },
    { field: 'longestJobSeconds', input: { value: 2, unit: 'min' }, canonical: 120 },
    { field: 'longestJobSeconds', input: { value: 1.5, unit: 'h' }, canonical: 5400 },
    { field: 'peakRequestsPerSecond', input: { value: 600, unit: 'requests/min' }, canonical: 10 },
    { field: 'timeseriesEventsPerSecond', input: { value: 120_000, unit: 'events/min' }, canonical: 2000 },
    { field: 'monthlyInfraUsd', input: { value: 40_001, unit: 'cents' }, canonical: 400.01 },
    { field: 'monthlyInfraUsd', input: { value: 400, unit: 'USD' }, canonical: 400 },
  ] as const)('$field: $input.value $input.unit is $canonical in the canonical unit', ({ field, input, canonical }) => {
    expect(signals({ [field]: input })[field]).toBe(canonical)
  })

  it('takes null as not measured, and keeps only the figures given', () => {
    expect(signals({ engineers: 4, dbCpuPercent: null })).toEqual({ measuredAt: DAY, engineers: 4 })
  })

  it.each([
    {
      name: 'an unknown unit names the field, the units it takes and the unit given',
      input: { measuredAt: DAY, p95LatencyMs: { value: 3, unit: 'min' } },
      want: ['p95LatencyMs.unit: expected one of ms, s, got "min"'],
    },
    {
      name: 'a missing unit',
      input: { measuredAt: DAY, dbSizeGb: { value: 3 } },
      want: ['dbSizeGb.unit: expected one of GB, MB, TB, got nothing'],
    },
    {
      name: 'a figure with one unit only says so',
      input: { measuredAt: DAY, engineers: { value: 3, unit: 'people' } },
      want: ['engineers.unit: expected engineers, got "people"'],
    },
    {
      name: 'a figure written as text',
      input: { measuredAt: DAY, dbSizeGb: '3 GB' },
      want: ['dbSizeGb: expected a number in GB, or { value, unit } with unit one of GB, MB, TB, got "3 GB"'],
    },
    {
      name: 'a negative figure',
      input: { measuredAt: DAY, p95LatencyMs: -1 },
      want: ['p95LatencyMs: expected a number from 0 to 86,400,000 (ms), got -1'],
    },
    {
      name: 'a value that is not a number',
      input: { measuredAt: DAY, p95LatencyMs: { value: 'fast', unit: 'ms' } },
      want: ['p95LatencyMs.value: expected a number from 0 to 86,400,000 (ms), got "fast"'],
    },
    {
      name: 'a ratio above 1',
      input: { measuredAt: DAY, dbCpuPercent: { value: 1.2, unit: 'ratio' } },
      want: ['dbCpuPercent.value: expected a number from 0 to 1 (ratio), got 1.2'],
    },
    {
      name: 'a percentage above 100',
      input: { measuredAt: DAY, errorRatePercent: 120 },
      want: ['errorRatePercent: expected a number from 0 to 100 (%), got 120'],
    },
    {
      name: 'a figure past the bound the questionnaire puts on it',
      input: { measuredAt: DAY, activeUsers: 1e11, longestJobSeconds: { value: 1e6, unit: 'h' } },
      want: [
        'activeUsers: expected a whole number from 0 to 10,000,000,000 (users), got 100,000,000,000',
        'longestJobSeconds.value: expected a number from 0 to 2,777.78 (h), got 1,000,000',
      ],
    },
    {
      name: 'a count that is not whole',
      input: { measuredAt: DAY, engineers: 2.5 },
      want: ['engineers: expected a whole number from 0 to 10,000 (engineers), got 2.5'],
    },
    {
      name: 'an extra field beside value and unit',
      input: { measuredAt: DAY, activeUsers: { value: 3, unit: 'users', source: 'x' } },
      want: ['activeUsers.source: expected a known field, got the unknown field "source"'],
    },
    {
      name: 'a date that is not YYYY-MM-DD',
      input: { measuredAt: '1 May 2026', engineers: 3 },
      want: ['measuredAt: expected a date as YYYY-MM-DD, got "1 May 2026"'],
    },
    {
      name: 'a day the calendar does not have',
      input: { measuredAt: '2025-02-29', engineers: 3 },
      want: ['measuredAt: expected a calendar date as YYYY-MM-DD, got "2025-02-29"'],
    },
    {
      name: 'no date at all',
      input: { engineers: 3 },
      want: ['measuredAt: expected text, got nothing'],
    },
  ])('rejects $name', ({ input, want }) => {
    expect(problems(input)).toEqual(want)
  })

  it('accepts 29 February in a leap year', () => {
    expect(problems({ measuredAt: '2028-02-29', engineers: 3 })).toEqual([])
  })

  it('needs at least one figure', () => {
    expect(problems({ measuredAt: DAY })).toEqual([
      expect.stringMatching(/^\(top level\): expected at least one figure besides measuredAt \(activeUsers, /),
    ])
  })

  it('names an unknown figure together with the figures it takes', () => {
    expect(problems({ measuredAt: DAY, p95Latency: 3 })).toEqual([
      expect.stringMatching(
        /^p95Latency: expected one of the fields measuredAt, activeUsers, .*, got the unknown field "p95Latency"$/,
      ),
    ])
  })
})

/** A brief carrying every trigger the engine can emit, judged on Shiftwise's answers (budget $400 a month). */
const EVERY_TRIGGER: Brief = {
  ...SHIFTWISE_BRIEF,
  triggers: TRIGGER_DEFS.map((def) => evaluateTrigger(def, SHIFTWISE, readingsFromAnswers(SHIFTWISE))),
}

function judge(id: string, figures: Omit<SignalsInput, 'measuredAt'>) {
  const result = evaluateSignals(EVERY_TRIGGER, SHIFTWISE, signals(figures)).find((t) => t.id === id)
  if (!result) throw new Error(`no trigger ${id}`)
  return result
}

type Row = [figures: Omit<SignalsInput, 'measuredAt'>, status: 'ok' | 'approaching' | 'fired']

/**
 * Every trigger the engine can emit, at, just over and just under its
 * threshold, at 80% of it (approaching) and just below that (ok), with units
 * other than the canonical one where the figure has them.
 */
const THRESHOLDS: Record<string, { fact: string; rows: Row[] }> = {
  team_outgrows_one_service: {
    fact: 'more than 15 engineers on one service is the point to extract one (seed 000, migration signals)',
    rows: [
      [{ engineers: 16 }, 'fired'],
      [{ engineers: 15 }, 'approaching'],
      [{ engineers: 14 }, 'approaching'],
      [{ engineers: 12 }, 'approaching'],
      [{ engineers: 11 }, 'ok'],
    ],
  },
  residency_needs_second_region: {
    fact: 'data that must stay in two regions needs a deploy in each (seed 000, data residency)',
    rows: [
      [{ regionsRequired: 3 }, 'fired'],
      [{ regionsRequired: 2 }, 'fired'],
      [{ regionsRequired: 1 }, 'ok'],
    ],
  },
  spend_over_budget: {
    fact: 'spend above the stated budget reopens hosting (seed 002, cost expectations)',
    rows: [
      [{ monthlyInfraUsd: 400.01 }, 'fired'],
      [{ monthlyInfraUsd: { value: 40_001, unit: 'cents' } }, 'fired'],
      [{ monthlyInfraUsd: 400 }, 'approaching'],
      [{ monthlyInfraUsd: { value: 320, unit: 'USD' } }, 'approaching'],
      [{ monthlyInfraUsd: 319.6 }, 'ok'],
    ],
  },
  sustained_db_pressure: {
    fact: '10,000 active users with sustained CPU at 70% is measured pressure (seed 000, migration signals)',
    rows: [
      [{ activeUsers: 10_001, dbCpuPercent: 70 }, 'fired'],
      [{ activeUsers: 10_000, dbCpuPercent: { value: 0.7, unit: 'ratio' } }, 'fired'],
      [{ activeUsers: 9_999, dbCpuPercent: 90 }, 'approaching'],
      [{ activeUsers: 8_000, dbCpuPercent: 90 }, 'approaching'],
      [{ activeUsers: 7_990, dbCpuPercent: 90 }, 'ok'],
    ],
  },
  search_outgrows_postgres: {
    fact: 'at 200 GB search inside Postgres is measured against an engine (seed 000, database choices)',
    rows: [
      [{ dbSizeGb: 200.1 }, 'fired'],
      [{ dbSizeGb: { value: 0.2, unit: 'TB' } }, 'fired'],
      [{ dbSizeGb: 199.9 }, 'approaching'],
      [{ dbSizeGb: { value: 160_000, unit: 'MB' } }, 'approaching'],
      [{ dbSizeGb: 159.8 }, 'ok'],
    ],
  },
  jobs_exceed_request_budget: {
    fact: 'work past 30 s outruns the HTTP timeout budget (seed 000, over thirty seconds)',
    rows: [
      [{ longestJobSeconds: { value: 30_001, unit: 'ms' } }, 'fired'],
      [{ longestJobSeconds: { value: 0.5, unit: 'min' } }, 'approaching'],
      [{ longestJobSeconds: 29.9 }, 'approaching'],
      [{ longestJobSeconds: 24 }, 'approaching'],
      [{ longestJobSeconds: 23.97 }, 'ok'],
    ],
  },
  jobs_table_backlog: {
    fact: 'ten thousand waiting jobs is when a jobs table falls behind (seed 000, a jobs table is a queue)',
    rows: [
      [{ queueDepth: 10_001 }, 'fired'],
      [{ queueDepth: 10_000 }, 'fired'],
      [{ queueDepth: 9_999 }, 'approaching'],
      [{ queueDepth: 8_000 }, 'approaching'],
      [{ queueDepth: 7_999 }, 'ok'],
    ],
  },
  hot_path_slow_after_rightsizing: {
    fact: 'a hot path still at 500 ms p95 after the database steps earns a cache (seed 000, caching)',
    rows: [
      [{ p95LatencyMs: 501 }, 'fired'],
      [{ p95LatencyMs: { value: 0.5, unit: 's' } }, 'fired'],
      [{ p95LatencyMs: 499.9 }, 'approaching'],
      [{ p95LatencyMs: { value: 0.4, unit: 's' } }, 'approaching'],
      [{ p95LatencyMs: 399.5 }, 'ok'],
    ],
  },
  vector_latency_under_load: {
    fact: 'vector queries slower than 100 ms p95 under load justify a dedicated store (seed 000, vector search)',
    rows: [
      [{ vectorQueryP95Ms: { value: 0.101, unit: 's' } }, 'fired'],
      [{ vectorQueryP95Ms: 100 }, 'approaching'],
      [{ vectorQueryP95Ms: 99.9 }, 'approaching'],
      [{ vectorQueryP95Ms: 80 }, 'approaching'],
      [{ vectorQueryP95Ms: 79.9 }, 'ok'],
    ],
  },
  timeseries_ingest_volume: {
    fact: 'a thousand events a second is when Timescale pays for itself (seed 000, time-series at volume)',
    rows: [
      [{ timeseriesEventsPerSecond: 1000.5 }, 'fired'],
      [{ timeseriesEventsPerSecond: { value: 60_000, unit: 'events/min' } }, 'fired'],
      [{ timeseriesEventsPerSecond: 999.9 }, 'approaching'],
      [{ timeseriesEventsPerSecond: 800 }, 'approaching'],
      [{ timeseriesEventsPerSecond: 799.2 }, 'ok'],
    ],
  },
  warehouse_justified: {
    fact: 'at 100 GB reporting earns a warehouse (seed 002, data stack decisions)',
    rows: [
      [{ dbSizeGb: 100.1 }, 'fired'],
      [{ dbSizeGb: 100 }, 'fired'],
      [{ dbSizeGb: 99.9 }, 'approaching'],
      [{ dbSizeGb: { value: 80_000, unit: 'MB' } }, 'approaching'],
      [{ dbSizeGb: 79.9 }, 'ok'],
    ],
  },
}

describe('evaluateSignals: every trigger at its threshold', () => {
  it('has a row set for every trigger the engine can emit', () => {
    expect(Object.keys(THRESHOLDS).sort()).toEqual(TRIGGER_DEFS.map((t) => t.id).sort())
  })

  for (const def of TRIGGER_DEFS) {
    const entry = THRESHOLDS[def.id]
    if (!entry) continue
    it.each(entry.rows.map(([figures, status]) => ({ figures, status, shown: JSON.stringify(figures) })))(
      `${def.id} is $status for $shown: ${entry.fact}`,
      ({ figures, status }) => {
        const result = judge(def.id, figures)
        expect(result.status).toBe(status)
        expect(result.source).toBe('check_in')
        expect(result.observed).not.toBeNull()
        expect(result.unit).toBe(METRICS[def.metric].unit)
        expect(result.note).toBeNull()
      },
    )
  }

  it('reports the figure in the canonical unit with the threshold, the step and the guide', () => {
    const result = judge('hot_path_slow_after_rightsizing', { p95LatencyMs: { value: 0.5, unit: 's' } })
    expect(TriggerEvaluationSchema.parse(result)).toMatchObject({
      status: 'fired',
      briefStatus: 'ok',
      observed: 500,
      unit: 'ms',
      comparator: '>=',
      threshold: 500,
      measuredAt: DAY,
      guide: 'caching',
      guidePath: '/guides/caching',
    })
    expect(result.action).toMatch(/index/)
  })
})

describe('evaluateSignals: conditions that must also hold', () => {
  it('stays approaching while database CPU is unmeasured, and says what it waits for (seed 000, migration signals)', () => {
    const result = judge('sustained_db_pressure', { activeUsers: 12_000 })
    expect(result.status).toBe('approaching')
    expect(result.alsoRequires).toEqual([
      { metric: 'db_cpu_percent', comparator: '>=', threshold: 70, unit: '%', observed: null, holds: null },
    ])
    expect(result.note).toBe(`Database CPU (sustained) >= 70% must also hold before this fires: ${NOT_MEASURED}`)
  })

  it.each([
    { cpu: 69.9, status: 'approaching', holds: false },
    { cpu: 70, status: 'fired', holds: true },
    { cpu: { value: 0.7, unit: 'ratio' }, status: 'fired', holds: true },
    // A bare 0.7 is read as 0.7%, not as a ratio: the unit has to say so.
    { cpu: 0.7, status: 'approaching', holds: false },
  ] as const)('with 12,000 users and database CPU $cpu it is $status', ({ cpu, status, holds }) => {
    const result = judge('sustained_db_pressure', { activeUsers: 12_000, dbCpuPercent: cpu })
    expect(result.status).toBe(status)
    expect(result.alsoRequires[0].holds).toBe(holds)
  })

  it('CPU alone does not fire it: users are the main figure, so the brief’s status stands', () => {
    const result = judge('sustained_db_pressure', { dbCpuPercent: 95 })
    expect(result).toMatchObject({ status: 'approaching', source: 'brief', observed: null, note: NOT_MEASURED })
    expect(result.alsoRequires[0]).toMatchObject({ observed: 95, holds: true })
  })
})

describe('evaluateSignals: what the check-in does not measure', () => {
  it('keeps the brief’s status with observed null and a note, for every trigger of the brief', () => {
    const results = evaluateSignals(SHIFTWISE_BRIEF, SHIFTWISE, signals({ errorRatePercent: 0.2 }))
    expect(results.map((r) => r.id)).toEqual(SHIFTWISE_BRIEF.triggers.map((t) => t.id))
    for (const [i, r] of results.entries()) {
      expect(r).toMatchObject({
        status: SHIFTWISE_BRIEF.triggers[i].status,
        briefStatus: SHIFTWISE_BRIEF.triggers[i].status,
        source: 'brief',
        observed: null,
        note: NOT_MEASURED,
      })
    }
    expect(results.find((r) => r.id === 'sustained_db_pressure')?.status).toBe('approaching')
  })

  it('gives the answers’ 12-month figure as the forecast, from the answers or else from the brief', () => {
    const withAnswers = evaluateSignals(SHIFTWISE_BRIEF, SHIFTWISE, signals({ engineers: 4 }))
    const briefOnly = evaluateSignals(SHIFTWISE_BRIEF, null, signals({ engineers: 4 }))
    expect(withAnswers).toEqual(briefOnly)
    expect(withAnswers.find((r) => r.id === 'team_outgrows_one_service')).toMatchObject({ observed: 4, forecast: 6 })
  })

  it('holds a revision to the thresholds it promised, not the ones the answers would give today', () => {
    const richer = AnswersSchema.parse({ ...SHIFTWISE, budget: { ...SHIFTWISE.budget, monthlyInfraUsd: 5000 } })
    const result = evaluateSignals(SHIFTWISE_BRIEF, richer, signals({ monthlyInfraUsd: 450 }))
    expect(result.find((r) => r.id === 'spend_over_budget')).toMatchObject({ threshold: 400, status: 'fired' })
  })

  it('is deterministic and leaves its inputs alone', () => {
    const before = JSON.stringify(SHIFTWISE_BRIEF)
    const s = signals({ engineers: 20, p95LatencyMs: 900 })
    expect(JSON.stringify(evaluateSignals(SHIFTWISE_BRIEF, SHIFTWISE, s))).toBe(
      JSON.stringify(evaluateSignals(SHIFTWISE_BRIEF, SHIFTWISE, s)),
    )
    expect(JSON.stringify(SHIFTWISE_BRIEF)).toBe(before)
  })
})

describe('signalsToAnswers: a draft from the check-in', () => {
  const draftOf = (figures: Omit<SignalsInput, 'measuredAt'>, answers = SHIFTWISE) =>
    signalsToAnswers(answers, signals(figures))

  it.each([
    { field: 'engineers', value: 9, path: 'team.engineersIn12Months', from: 6 },
    { field: 'activeUsers', value: 12_000, path: 'load.activeUsersIn12Months', from: 8_000 },
    { field: 'peakRequestsPerSecond', value: 40, path: 'load.peakRequestsPerSecond', from: 25 },
    { field: 'dbSizeGb', value: 30, path: 'load.dataVolumeGbIn12Months', from: 12 },
    { field: 'longestJobSeconds', value: 45, path: 'load.longestTaskSeconds', from: 8 },
  ] as const)('puts $field in $path', ({ field, value, path, from }) => {
    const draft = draftOf({ [field]: value })
    expect(draft.updated).toEqual([{ path, before: from, after: value }])
    const parsed = AnswersSchema.parse(draft.answers)
    const [section, key] = path.split('.')
    expect((parsed as unknown as Record<string, Record<string, unknown>>)[section][key]).toBe(value)
  })

  it('adds vectors to the kinds of data when the check-in counts embeddings', () => {
    const draft = draftOf({ vectorCount: 2_000_000 })
    const parsed = AnswersSchema.parse(draft.answers)
    expect(parsed.data.kinds).toEqual(['relational', 'vectors', 'search', 'files'])
    expect(parsed.data.vectorCount).toBe(2_000_000)
    expect(draft.updated.map((u) => u.path)).toEqual(['data.vectorCount', 'data.kinds'])
    expect(draft.notes).toEqual([expect.stringContaining('vectors is added')])
  })

  it('adds time series to the kinds of data when the check-in measures events', () => {
    const parsed = AnswersSchema.parse(draftOf({ timeseriesEventsPerSecond: 1500 }).answers)
    expect(parsed.data.kinds).toContain('timeseries')
    expect(parsed.data.timeseriesEventsPerSecond).toBe(1500)
  })

  it('keeps the 12-month users at or above the launch figure, and says so', () => {
    const draft = draftOf({ activeUsers: 120 })
    expect(AnswersSchema.parse(draft.answers).load.activeUsersIn12Months).toBe(300)
    expect(draft.notes).toEqual([expect.stringContaining('fewer than the 300 expected at launch')])
  })

  it('says when a measurement lowers the 12-month forecast', () => {
    const draft = draftOf({ activeUsers: 3_000 })
    expect(AnswersSchema.parse(draft.answers).load.activeUsersIn12Months).toBe(3_000)
    expect(draft.notes).toEqual([expect.stringContaining('goes down from 8,000 to the 3,000 measured')])
  })

  it('cannot name regions from a count: residency stays, with a note', () => {
    const draft = draftOf({ regionsRequired: 2 })
    expect(AnswersSchema.parse(draft.answers).compliance.dataResidency).toEqual(['eu'])
    expect(draft.updated).toEqual([])
    expect(draft.notes).toEqual([expect.stringContaining('a count cannot say which')])
  })

  it('leaves the budget alone: spend is a measurement', () => {
    const draft = draftOf({ monthlyInfraUsd: 900 })
    expect(AnswersSchema.parse(draft.answers).budget.monthlyInfraUsd).toBe(400)
    expect(draft.notes).toEqual([expect.stringContaining('$900/month is a measurement, not a budget')])
  })

  it('notes the figures no answer holds', () => {
    const draft = draftOf({ p95LatencyMs: 300, dbCpuPercent: 40 })
    expect(draft.updated).toEqual([])
    expect(draft.notes).toEqual([
      'No answer holds p95 latency, database CPU (sustained); those figures count only in the check-in.',
    ])
  })

  it('keeps at least one engineer', () => {
    const draft = draftOf({ engineers: 0 })
    expect(AnswersSchema.parse(draft.answers).team.engineersIn12Months).toBe(1)
    expect(draft.notes).toEqual([expect.stringContaining('at least one engineer')])
  })

  it('gives valid answers for every example and does not touch the answers it was given', () => {
    for (const answers of Object.values(EXAMPLES)) {
      const before = JSON.stringify(answers)
      const draft = draftOf(
        { activeUsers: 50_000, engineers: 20, dbSizeGb: 150, vectorCount: 10, timeseriesEventsPerSecond: 5 },
        answers,
      )
      expect(AnswersSchema.safeParse(draft.answers).error?.issues ?? []).toEqual([])
      expect(JSON.stringify(answers)).toBe(before)
    }
  })

  it('regenerated, a draft with 16 engineers fires team_outgrows_one_service (seed 000, migration signals)', () => {
    const next = AnswersSchema.parse(draftOf({ engineers: 16 }).answers)
    const diff = diffBriefs(
      { answers: SHIFTWISE, brief: SHIFTWISE_BRIEF },
      { answers: next, brief: generateBrief(next, catalog) },
    )
    expect(diff.triggers.find((t) => t.id === 'team_outgrows_one_service')?.change).toBe('fired')
  })
})
