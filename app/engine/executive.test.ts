import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { type Answers, type AnswersInput, AnswersSchema } from './answers.ts'
import { type Brief, BriefSchema } from './brief.ts'
import { caseTerms, namesCaseTerm, RISK_WORDS, shorten } from './executive.ts'
import { generateBrief } from './generate.ts'

const catalog = loadCatalog()

const EXAMPLES = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../content/examples/*.yaml', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.replace(/^.*\/(.*)\.yaml$/, '$1'), AnswersSchema.parse(parse(text))]),
) as Record<string, Answers>

const BRIEFS = Object.fromEntries(Object.entries(EXAMPLES).map(([n, a]) => [n, generateBrief(a, catalog)])) as Record<
  string,
  Brief
>

function executiveOf(name: string) {
  const e = BRIEFS[name].executive
  if (!e) throw new Error(`${name} has no executive brief`)
  return e
}

/** Every word a reader sees on the first page: the strings of the executive brief. */
function wordsIn(value: unknown): number {
  if (typeof value === 'string') return value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + wordsIn(v), 0)
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + wordsIn(v), 0)
  return 0
}

const base: AnswersInput = {
  version: 2,
  product: { name: 'Ledgerly', shape: 'b2b_saas', sellsTo: 'organizations', clients: ['web'] },
  team: { engineers: 2, engineersIn12Months: 4, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 5000, peakRequestsPerSecond: 20 },
  budget: { monthlyInfraUsd: 300 },
}

function briefFor(input: Partial<AnswersInput>): Brief {
  return generateBrief(AnswersSchema.parse({ ...base, ...input }), catalog)
}

describe('the executive brief', () => {
  it.each(Object.keys(EXAMPLES))('%s: every adopted row gives a reason from this case', (name) => {
    const brief = BRIEFS[name]
    const terms = caseTerms(EXAMPLES[name])
    for (const row of executiveOf(name).stack) {
      const d = brief.decisions.find((x) => x.area === row.area)
      const beaten = (d?.alternatives ?? []).map((a) => a.name.replace(/\s*\(.*$/, '').toLowerCase())
      const named =
        namesCaseTerm(row.reason, terms) ||
        beaten.some((alt) => row.reason.toLowerCase().startsWith(`chosen over ${alt.replace(/^(a|an|the) /, '')}`)) ||
        beaten.some((alt) => row.reason.toLowerCase().startsWith(`chosen over ${alt}`)) ||
        /^Scored \d+ of \d+ .* ahead of .+ at \d+\.$/.test(row.reason)
      expect(named, `${name} ${row.area}: “${row.reason}”`).toBe(true)
      expect(row.reason, `${name} ${row.area} quotes an answer path or id`).not.toMatch(/\b[a-z]+\.[a-z]+[A-Z]|_/)
    }
  })

  // About 500 words: the busiest shipped example (an AI product over budget) runs a few past it.
  it.each(Object.keys(EXAMPLES))('%s: keeps the first page to about 500 words', (name) => {
    expect(wordsIn(executiveOf(name))).toBeLessThanOrEqual(520)
  })

  it('names the defaults kept for a first product in one line, and keeps a row for every choice this case moved', () => {
    const e = executiveOf('b2b-saas')
    const settled = (e.settled ?? []).map((s) => s.area)
    expect(settled).toEqual(expect.arrayContaining(['repo', 'architecture_style', 'api', 'tenancy']))
    for (const area of ['hosting', 'database', 'auth', 'payments', 'email', 'observability'])
      expect(e.stack.map((s) => s.area)).toContain(area)
  })

  it.each(Object.keys(EXAMPLES))('%s: reads every entry from the rest of the brief', (name) => {
    const brief = BRIEFS[name]
    const e = executiveOf(name)
    expect(BriefSchema.parse(brief).executive).toEqual(e)
    const shown = [...e.stack.map((s) => s.area), ...(e.settled ?? []).map((s) => s.area)]
    expect(shown.sort()).toEqual(
      brief.decisions
        .filter((d) => ['adopt', 'trial'].includes(d.status) && d.choice.id !== 'none')
        .map((d) => d.area)
        .sort(),
    )
    expect(e.risks.map((r) => r.id)).toEqual(brief.risks.slice(0, 3).map((r) => r.id))
    expect(e.firstSteps.map((s) => s.title)).toEqual(brief.dayOne.slice(0, 3).map((d) => d.title))
    for (const c of e.costs) {
      expect(c.month12).toBe(brief.costs.bands[c.band].monthly[11])
      expect(brief.costs.bandMeaning[c.band].startsWith(c.buys.replace(/\.$/, ''))).toBe(true)
    }
    for (const t of e.triggers) {
      const full = brief.triggers.find((x) => x.id === t.id)
      expect(full?.firesInMonth).toBe(t.firesInMonth)
      expect(full?.firesInMonth !== null || full?.status === 'approaching').toBe(true)
    }
    const months = e.triggers.map((t) => t.firesInMonth ?? 13)
    expect(months).toEqual([...months].sort((x, y) => x - y))
  })

  it('puts triggers that fire within the year first, by their month', () => {
    const brief = briefFor({
      load: { activeUsersAtLaunch: 2000, activeUsersIn12Months: 60000, longestTaskSeconds: 120 },
    })
    const firing = brief.triggers.filter((t) => t.firesInMonth !== null)
    expect(firing.length).toBeGreaterThan(0)
    const first = brief.executive?.triggers[0]
    expect(first?.firesInMonth).toBe(Math.min(...firing.map((t) => t.firesInMonth ?? 13)))
  })

  it('shortens a long sentence at its colon, and drops long parenthetical lists', () => {
    expect(
      shorten(
        'The scope adds up to about 27 engineer-weeks (one core workflow 6, subscriptions 3, enterprise sign-on 2, mobile apps 6); 3 engineers work at the pace of about 2.2, so that is roughly 13 weeks against 10.',
        RISK_WORDS,
      ),
    ).toBe(
      'The scope adds up to about 27 engineer-weeks; 3 engineers work at the pace of about 2.2, so that is roughly 13 weeks against 10.',
    )
    expect(shorten('Short and to the point')).toBe('Short and to the point.')
  })
})

describe('operational assumptions', () => {
  it('states the defaults as defaults when the answers give no targets', () => {
    const o = briefFor({}).operations
    expect(o?.stated).toBe(false)
    expect([o?.uptimeTarget, o?.restoreWithinHours, o?.maxDataLossMinutes]).toEqual(['99.5', 24, 60])
    expect(o?.because[0].text).toMatch(/assumes the defaults/)
  })

  it('reads stated targets and asks the plan for what they need', () => {
    const strict = briefFor({ operations: { uptimeTarget: '99.95', restoreWithinHours: 0.5, maxDataLossMinutes: 1 } })
    const o = strict.operations
    expect(o?.stated).toBe(true)
    expect(o?.uptime).toMatch(/^99\.95% uptime allows about 22 minutes/)
    expect(o?.uptime).toMatch(/scaled band/)
    expect(o?.backups).toMatch(/standby/)
    const loose = briefFor({ operations: { uptimeTarget: '99', maxDataLossMinutes: 1440 } }).operations
    expect(loose?.uptime).toMatch(/lean band/)
    expect(loose?.backups).toMatch(/every 24 hours/)
  })

  it('names who is on call from the team', () => {
    expect(briefFor({ team: { engineers: 1, languages: ['typescript'] } }).operations?.onCall).toMatch(
      /^The one engineer is on call/,
    )
    expect(briefFor({ team: { engineers: 6, languages: ['python'] } }).operations?.onCall).toMatch(
      /^The 6 engineers take turns/,
    )
  })

  it('keeps the backups in the regions the plan runs in', () => {
    const eu = briefFor({ compliance: { dataResidency: ['eu'], markets: ['eu'] } })
    expect(eu.operations?.backups).toMatch(/keep the copies in the EU/)
  })
})

describe('what would make this plan wrong', () => {
  it.each(Object.keys(EXAMPLES))('%s: names the load figure it rests on', (name) => {
    const a = EXAMPLES[name]
    const load = BRIEFS[name].risks.find((r) => r.id === 'load_estimate')
    expect(load?.kind).toBe('invalidation')
    expect(load?.text).toContain(a.load.activeUsersIn12Months.toLocaleString('en-US'))
  })

  it('names the trigger that a higher load reaches, with the multiple of the estimate', () => {
    const brief = briefFor({})
    const text = brief.risks.find((r) => r.id === 'load_estimate')?.text ?? ''
    const named = brief.triggers.find((t) => text.includes(`“${t.title}”`))
    expect(named).toBeDefined()
    expect(text).toMatch(/\(\d+(\.\d)? times the estimate\)/)
  })

  it('warns that a budget cut breaks the plan only when the lean band takes most of it', () => {
    const roomy = briefFor({ budget: { monthlyInfraUsd: 5000 } })
    expect(roomy.risks.some((r) => r.id === 'budget_cut')).toBe(false)
    const leanPeak = Math.max(...roomy.costs.bands.lean.monthly)
    const tight = briefFor({ budget: { monthlyInfraUsd: Math.ceil((leanPeak * 1.2) / 100) } })
    const cut = tight.risks.find((r) => r.id === 'budget_cut')
    expect(cut?.kind).toBe('invalidation')
    expect(cut?.text).toMatch(/a cut of \$[\d,.]+ or more/)
  })

  it('names the hiring figure that would split the deployable', () => {
    const team = briefFor({}).risks.find((r) => r.id === 'team_growth')
    expect(team?.text).toMatch(/2 engineers now and 4 in a year\. If hiring runs to \d+/)
  })
})
