import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { type Answers, type AnswersInput, AnswersSchema } from './answers.ts'
import { AREAS, type Brief } from './brief.ts'
import { type BriefDiff, BriefDiffSchema, type DiffSide, diffBriefs, isEmpty, triggerChangeKind } from './diff.ts'
import { generateBrief } from './generate.ts'
import { TRIGGER_DEFS } from './triggers.ts'

const catalog = loadCatalog()
const EXAMPLE_INPUTS = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../content/examples/*.yaml', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.replace(/^.*\/(.*)\.yaml$/, '$1'), parse(text) as AnswersInput]),
) as Record<string, AnswersInput>

function revision(input: AnswersInput): DiffSide & { answers: Answers } {
  const answers = AnswersSchema.parse(input)
  return { answers, brief: generateBrief(answers, catalog) }
}

/** The example with one change laid over it. */
function edited(name: string, change: (input: AnswersInput) => void): DiffSide & { answers: Answers } {
  const input = structuredClone(EXAMPLE_INPUTS[name])
  change(input)
  return revision(input)
}

const SHIFTWISE = revision(EXAMPLE_INPUTS['b2b-saas'])

function diff(from: DiffSide, to: DiffSide): BriefDiff {
  return BriefDiffSchema.parse(diffBriefs(from, to, { describeAnswer }))
}

describe('diffBriefs on the shipped examples', () => {
  it.each(Object.keys(EXAMPLE_INPUTS))('%s diffed with itself is empty', (name) => {
    const r = revision(EXAMPLE_INPUTS[name])
    const d = diff(r, r)
    expect(isEmpty(d)).toBe(true)
    expect(d.answersCompared).toBe(true)
  })

  it('raising engineers past 15 fires team_outgrows_one_service and adds the risk (seed 000, migration signals)', () => {
    const more = edited('b2b-saas', (a) => {
      a.team.engineersIn12Months = 16
    })
    const d = diff(SHIFTWISE, more)
    expect(d.answers).toEqual([
      {
        path: 'team.engineersIn12Months',
        label: 'Engineers in 12 months',
        before: 6,
        after: 16,
        beforeText: '6',
        afterText: '16',
        text: 'Engineers in 12 months: 6 → 16',
      },
    ])
    expect(d.triggers).toEqual([
      expect.objectContaining({
        id: 'team_outgrows_one_service',
        change: 'fired',
        before: expect.objectContaining({ status: 'ok', observed: 6, threshold: 15 }),
        after: expect.objectContaining({ status: 'fired', observed: 16, threshold: 15 }),
      }),
    ])
    // Hiring past the split point is no longer what would make the plan wrong: it is now the plan's own risk.
    expect(d.risks.map((r) => [r.id, r.change, r.after?.severity])).toEqual([
      ['team_growth', 'removed', undefined],
      ['team_outgrows_monolith', 'added', 'medium'],
    ])
    // A fired trigger never sits beside an unchanged decision: the architecture becomes a trial of one extraction.
    expect(d.decisions.map((c) => [c.area, c.after?.status, c.after?.choice.id])).toEqual([
      ['architecture_style', 'trial', 'extract_services'],
    ])
  })

  it('exactly 15 engineers is not yet the split point: the trigger only approaches (seed 000, more than fifteen engineers)', () => {
    const d = diff(
      SHIFTWISE,
      edited('b2b-saas', (a) => {
        a.team.engineersIn12Months = 15
      }),
    )
    expect(d.triggers.map((t) => [t.id, t.change, t.after?.status])).toEqual([
      ['team_outgrows_one_service', 'approaching', 'approaching'],
    ])
  })

  it('adding vectors changes the vector_store decision, names the rules on both sides and adds its trigger (seed 000, vector search)', () => {
    const vectors = edited('b2b-saas', (a) => {
      a.data = { ...a.data, kinds: [...(a.data?.kinds ?? []), 'vectors'], vectorCount: 2_000_000 }
    })
    const d = diff(SHIFTWISE, vectors)
    expect(d.decisions.map((x) => x.area)).toEqual(['vector_store'])
    const [change] = d.decisions
    expect(change.changed).toEqual(['choice', 'status'])
    expect(change.before?.choice.id).toBe('none')
    expect(change.after?.choice.id).toBe('pgvector')
    expect(change.before?.because.map((b) => b.rule)).toEqual(['vector_store.no_vectors'])
    expect(change.after?.because).toEqual(vectors.brief.decisions.find((x) => x.area === 'vector_store')?.because)
    // The embeddings and the larger database bring the moderate band past the budget, so the spend trigger moves too.
    expect(d.triggers).toEqual([
      expect.objectContaining({ id: 'spend_over_budget', change: 'approaching' }),
      expect.objectContaining({ id: 'vector_latency_under_load', change: 'added', before: null }),
    ])
    expect(d.answers.map((a) => a.text)).toEqual([
      'Kinds of data: Relational, Full-text search and Files → Relational, Vectors (embeddings), Full-text search and Files',
      'Stored embeddings: 0 → 2,000,000',
    ])
  })

  it('gives cost deltas per band and month, in integer cents, and their 12-month total', () => {
    const bigger = edited('b2b-saas', (a) => {
      a.load.activeUsersIn12Months = 25_000
    })
    const d = diff(SHIFTWISE, bigger)
    expect(d.costs.length).toBeGreaterThan(0)
    for (const c of d.costs) {
      const before = SHIFTWISE.brief.costs.bands[c.band]
      const after = bigger.brief.costs.bands[c.band]
      expect(c.monthly).toEqual(after.monthly.map((x, m) => x - before.monthly[m]))
      expect(c.total12Months).toBe(after.total12Months - before.total12Months)
      expect(c.monthly.every(Number.isInteger)).toBe(true)
      expect(c.before).toEqual(before)
      expect(c.after).toEqual(after)
    }
    expect(d.costs.map((c) => c.band)).toEqual(
      ['lean', 'moderate', 'scaled'].filter((b) => d.costs.some((c) => c.band === b)),
    )
  })

  it('reads two different products in a fixed order: areas, then triggers in registry order, risks by id', () => {
    const d = diff(SHIFTWISE, revision(EXAMPLE_INPUTS['iot-telemetry']))
    expect(d.title).not.toBeNull()
    const areaOrder = d.decisions.map((x) => AREAS.indexOf(x.area))
    expect(areaOrder).toEqual([...areaOrder].sort((a, b) => a - b))
    const registry = TRIGGER_DEFS.map((t) => t.id)
    const triggerOrder = d.triggers.map((t) => registry.indexOf(t.id))
    expect(triggerOrder).toEqual([...triggerOrder].sort((a, b) => a - b))
    const riskIds = d.risks.map((r) => r.id)
    expect(riskIds).toEqual([...riskIds].sort())
    expect(JSON.stringify(diff(SHIFTWISE, revision(EXAMPLE_INPUTS['iot-telemetry'])))).toBe(JSON.stringify(d))
  })
})

describe('diffBriefs without answers or across versions', () => {
  it('with a brief alone on one side, answers are not compared, the rest still is', () => {
    const more = edited('b2b-saas', (a) => {
      a.team.engineersIn12Months = 16
    })
    const d = diff({ answers: null, brief: SHIFTWISE.brief }, more)
    expect(d.answersCompared).toBe(false)
    expect(d.answers).toEqual([])
    expect(d.triggers.map((t) => t.change)).toEqual(['fired'])
  })

  it('reports engine, catalog and price-date changes', () => {
    const older: Brief = {
      ...SHIFTWISE.brief,
      engineVersion: '0.9.0',
      catalogVersion: '2025.01.1',
      costs: { ...SHIFTWISE.brief.costs, pricesAsOf: '2025-01' },
    }
    const d = diff({ answers: SHIFTWISE.answers, brief: older }, SHIFTWISE)
    expect(d.versions).toEqual({
      engine: { before: '0.9.0', after: SHIFTWISE.brief.engineVersion },
      catalog: { before: '2025.01.1', after: SHIFTWISE.brief.catalogVersion },
      pricesAsOf: { before: '2025-01', after: SHIFTWISE.brief.costs.pricesAsOf },
    })
    expect(isEmpty(d)).toBe(false)
  })

  it('reports a risk whose severity moved, and a decision whose status alone moved', () => {
    const [first] = SHIFTWISE.brief.risks
    const changed: Brief = {
      ...SHIFTWISE.brief,
      risks: SHIFTWISE.brief.risks.map((r) => (r.id === first.id ? { ...r, severity: 'high' as const } : r)),
      decisions: SHIFTWISE.brief.decisions.map((x) => (x.area === 'cache' ? { ...x, status: 'adopt' as const } : x)),
    }
    const d = diff(SHIFTWISE, { answers: SHIFTWISE.answers, brief: changed })
    expect(d.risks).toEqual([
      {
        id: first.id,
        change: 'severity',
        before: { severity: first.severity, text: first.text, mitigation: first.mitigation },
        after: { severity: 'high', text: first.text, mitigation: first.mitigation },
      },
    ])
    expect(d.decisions.map((x) => [x.area, x.changed, x.before?.status, x.after?.status])).toEqual([
      ['cache', ['status'], 'defer', 'adopt'],
    ])
  })

  it('a trigger that fired on a side that alone has it counts as fired, not added', () => {
    const [t] = SHIFTWISE.brief.triggers
    const without: Brief = { ...SHIFTWISE.brief, triggers: SHIFTWISE.brief.triggers.slice(1) }
    const fired: Brief = {
      ...SHIFTWISE.brief,
      triggers: [{ ...t, status: 'fired' }, ...SHIFTWISE.brief.triggers.slice(1)],
    }
    expect(
      diff({ answers: null, brief: without }, { answers: null, brief: fired }).triggers.map((x) => x.change),
    ).toEqual(['fired'])
    expect(
      diff({ answers: null, brief: fired }, { answers: null, brief: without }).triggers.map((x) => x.change),
    ).toEqual(['cleared'])
  })

  it('words answers plainly when no describer is given', () => {
    const bigger = edited('b2b-saas', (a) => {
      a.load.activeUsersIn12Months = 25_000
    })
    const d = diffBriefs(SHIFTWISE, bigger)
    expect(d.answers.map((a) => a.text)).toEqual(['load.activeUsersIn12Months: 8,000 → 25,000'])
  })
})

describe('triggerChangeKind', () => {
  it.each([
    ['ok', 'fired', 'fired'],
    ['approaching', 'fired', 'fired'],
    [null, 'fired', 'fired'],
    ['fired', 'ok', 'cleared'],
    ['fired', null, 'cleared'],
    ['ok', 'approaching', 'approaching'],
    ['approaching', 'ok', 'eased'],
    [null, 'ok', 'added'],
    [null, 'approaching', 'added'],
    ['approaching', null, 'removed'],
    ['ok', 'ok', null],
    ['fired', 'fired', null],
  ] as const)('%s → %s is %s', (before, after, kind) => {
    expect(triggerChangeKind(before, after)).toBe(kind)
  })
})
