import type { Answers } from '#app/engine/answers.ts'
import type { Band, Because, BriefDecision, Decision, Metric, Trigger } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'
import { regionWords, residencyFit } from '#app/engine/constraints.ts'
import { RPS_PER_VCPU } from '#app/engine/costs/sizing.ts'
import { MONTHS, type Usage } from '#app/engine/costs/usage.ts'
import { formatNumber } from '#app/engine/prose.ts'
import { ENGINEERS_PER_SERVICE_LIMIT, TEAM_OUTGROWS_ONE_SERVICE } from '#app/engine/rules/architecture-style.ts'
import { RESIDENCY_NEEDS_SECOND_REGION } from '#app/engine/rules/deploy-regions.ts'
import { TIMESERIES_INGEST_VOLUME } from '#app/engine/rules/timeseries-store.ts'
import { because } from '#app/engine/rules/types.ts'
import { VECTOR_LATENCY_UNDER_LOAD } from '#app/engine/rules/vector-store.ts'
import { type Readings, readingsFromAnswers, triggerStatus } from '#app/engine/triggers.ts'
import { firstService, hostOf, type Planned } from './components.ts'

/**
 * Triggers find their month on the usage curve, and a trigger that fires
 * within the twelve months brings its step into the plan from that month:
 * the owning decision lists it under `stepsDue`, and where the step is a new
 * component (a first extracted service, a search engine, a warehouse) the
 * component joins the plan with `fromMonth` set, so it is priced and drawn.
 */

/** How each metric moves over the year, as a share of its month-12 figure. */
function monthlyReadings(a: Answers, usage: Usage, m: number, spendUsd?: number): Readings {
  const at12 = readingsFromAnswers(a)
  const last = MONTHS - 1
  const userShare = usage.users[last] > 0 ? usage.users[m] / usage.users[last] : 1
  const dataShare = usage.dataGb[last] > 0 ? usage.dataGb[m] / usage.dataGb[last] : (m + 1) / MONTHS
  const scale = (metric: Metric, share: number) => {
    const v = at12[metric]
    return v === undefined ? undefined : v * share
  }
  const out: Readings = {
    ...at12,
    active_users: usage.users[m],
    peak_rps: scale('peak_rps', userShare),
    db_size_gb: scale('db_size_gb', dataShare),
    engineers: usage.engineers[m],
    vector_count: scale('vector_count', dataShare),
    timeseries_events_per_second: scale('timeseries_events_per_second', userShare),
  }
  if (spendUsd !== undefined) out.monthly_infra_usd = spendUsd
  return out
}

/** The first month (1..12) in which a trigger judged fired at month 12 holds; null when it is not fired. */
export function firesInMonth(
  t: Pick<Trigger, 'metric' | 'comparator' | 'threshold' | 'unit' | 'alsoRequires' | 'status'>,
  a: Answers,
  usage: Usage,
  spendUsd?: readonly number[],
): number | null {
  if (t.status !== 'fired') return null
  for (let m = 0; m < MONTHS; m++) {
    const readings = monthlyReadings(a, usage, m, spendUsd?.[m])
    if (triggerStatus(t, t.alsoRequires, readings) === 'fired') return m + 1
  }
  return MONTHS
}

/** Components a fired trigger's step adds to the plan. */
function stepComponent(
  id: string,
  a: Answers,
  decisions: readonly Decision[],
  usage: Usage,
  month: number,
  base: readonly Planned[],
): Planned | undefined {
  const host = hostOf(decisions, a)
  const app = base.find((p) => p.c.id === 'app')
  if (!app) return undefined
  const from = { fromMonth: month, addedBy: id }
  const compute = (
    cid: string,
    product: string,
    area: Planned['c']['area'],
    share: number,
    min: Record<Band, number>,
  ) =>
    ({
      ...app,
      c: { ...app.c, ...from, id: cid, area, product, placement: 'deploy' as const },
      demand: (m: number) => (usage.rps[m] * share) / RPS_PER_VCPU,
      averageDemand: (m: number) => (usage.averageRps[m] * share) / RPS_PER_VCPU,
      minInstances: (band: Band) => min[band],
    }) satisfies Planned
  switch (id) {
    case 'team_outgrows_one_service':
      return firstService(app, host, usage, month, id)
    case 'search_outgrows_postgres':
      return compute('search_engine', `Meilisearch (open source) on ${host.product}`, 'search', 0.1, {
        lean: 1,
        moderate: 1,
        scaled: 2,
      })
    case 'warehouse_justified':
      return {
        kind: 'service',
        quantity: (m) => usage.dataGb[m],
        unit: 'GB loaded',
        c: {
          ...app.c,
          ...from,
          id: 'warehouse',
          area: 'analytics',
          vendor: 'Google Cloud',
          catalogId: 'bigquery',
          // BigQuery's BAA is not confirmed, so health columns stay out of the nightly load.
          product: app.c.holds.includes('health')
            ? 'Google BigQuery, loaded nightly from Postgres without health columns'
            : 'Google BigQuery, loaded nightly from Postgres',
          tier: 'on demand',
          placement: 'data',
          holds: app.c.holds.filter((h) => h !== 'health'),
          agreements: ['dpa', ...app.c.agreements.filter((x) => x === 'scc')],
        },
      }
    default:
      return undefined
  }
}

export interface StepsResult {
  decisions: BriefDecision[]
  added: Planned[]
  /** Fired triggers whose step a person's choice sets aside: not in the plan, said as a risk. */
  setAside: Trigger[]
}

/** The choice a trigger's step turns its decision into, where the step changes the choice. */
const STEP_CHOICES: Partial<Record<string, string>> = {
  [TEAM_OUTGROWS_ONE_SERVICE.id]: 'extract_services',
  [RESIDENCY_NEEDS_SECOND_REGION.id]: 'multi_region',
  [TIMESERIES_INGEST_VOLUME.id]: 'timescale',
  [VECTOR_LATENCY_UNDER_LOAD.id]: 'dedicated_vector_db',
}

/**
 * A person who chose otherwise than the recommendation keeps their choice over
 * a step: keeping one deployable when the team trigger fires, or no search
 * engine when search outgrows Postgres. Choosing what the step leads to is no
 * setting aside.
 */
function setsAside(d: Decision | undefined, t: Trigger): boolean {
  const o = d?.override
  if (!d || !o) return false
  return d.choice.id !== (STEP_CHOICES[t.id] ?? o.recommended.id)
}

/** Every fired trigger's step in its decision, and the components those steps add. */
export function applySteps(
  a: Answers,
  decisions: readonly Decision[],
  triggers: readonly Trigger[],
  usage: Usage,
  base: readonly Planned[],
  catalog: Catalog,
): StepsResult {
  const added: Planned[] = []
  const setAside: Trigger[] = []
  const due = new Map<string, { trigger: string; month: number; step: string }[]>()
  for (const t of triggers) {
    if (t.firesInMonth === null) continue
    if (
      setsAside(
        decisions.find((d) => d.area === t.area),
        t,
      )
    ) {
      setAside.push(t)
      continue
    }
    const list = due.get(t.area) ?? []
    list.push({ trigger: t.id, month: t.firesInMonth, step: t.action })
    due.set(t.area, list)
    const component = stepComponent(t.id, a, decisions, usage, t.firesInMonth, base)
    // A component a person's choice already put in place from month 1 is not added again.
    if (component && !base.some((p) => p.c.id === component.c.id)) added.push(component)
  }
  const out = decisions.map((d): BriefDecision => {
    const steps = [...(d.stepsDue ?? []), ...(due.get(d.area) ?? [])]
    const notes = added.filter((p) => p.c.area === d.area).flatMap((p) => residencyNote(a, catalog, p.c))
    const withSteps = { ...d, stepsDue: steps, ...(notes.length > 0 ? { because: [...d.because, ...notes] } : {}) }
    const team =
      steps.find((s) => s.trigger === 'team_outgrows_one_service') ??
      setAside.filter((t) => t.id === 'team_outgrows_one_service').map((t) => ({ month: t.firesInMonth as number }))[0]
    if (!team || d.area !== 'architecture_style') return withSteps
    if (!d.override) return extractFirstService(a, withSteps, team.month)
    // A person's choice stands; the recommendation it set aside is the one the brief would otherwise give.
    const o = d.override
    const rec = extractFirstService(
      a,
      { ...withSteps, choice: o.recommended, because: o.recommendedBecause },
      team.month,
    )
    const recommended = { id: rec.choice.id, name: rec.choice.name }
    return { ...withSteps, override: { ...o, recommended, recommendedBecause: rec.because } }
  })
  return { decisions: out, added, setAside }
}

/** Past the team size one deploy serves, the architecture decision becomes a trial of one extracted service. */
function extractFirstService(a: Answers, d: BriefDecision, month: number): BriefDecision {
  const later = a.team.engineersIn12Months
  return {
    ...d,
    choice: { id: 'extract_services', name: `Modular monolith, extracting a first service from month ${month}` },
    status: 'trial',
    because: [
      ...d.because.filter((b) => b.rule !== 'architecture_style.team_passes_split_point'),
      because(
        'architecture_style.first_extraction_due',
        ['team.engineers', 'team.engineersIn12Months'],
        `The team passes ${ENGINEERS_PER_SERVICE_LIMIT} engineers in month ${month}${month < 12 ? ` and reaches ${formatNumber(later)} by month 12` : ` (${formatNumber(later)} expected)`}, more than one deploy pipeline serves: keep the monolith, and from month ${month} trial one extracted service, the module with the clearest boundary and the least shared state, running beside the monolith behind a feature flag.`,
      ),
    ],
    alternatives: [
      {
        id: 'modular_monolith',
        name: 'Staying one deployable all year',
        whyNot: `With ${formatNumber(later)} engineers on one service, teams queue behind each other's releases; one extracted service tests whether independent deploys pay off before more follow.`,
      },
      {
        id: 'microservices_now',
        name: 'Splitting into many services at once',
        whyNot:
          'A rewrite into many services at once stalls the product for months; extract one at a time and measure.',
      },
    ],
  }
}

/** A component a step adds names its vendor's residency plainly when the facts do not confirm the regions the data must stay in. */
function residencyNote(a: Answers, catalog: Catalog, c: Planned['c']): Because[] {
  const residency = a.compliance.dataResidency
  if (c.catalogId === null || residency.length === 0 || !c.holds.some((h) => h !== 'none')) return []
  if (residencyFit(catalog, c.catalogId, residency) === 'fits') return []
  const where = regionWords(residency)
  return [
    because(
      `${c.area}.step_residency_unconfirmed`,
      ['compliance.dataResidency'],
      `Your data must stay in ${where}, and the sources we read do not confirm that ${c.product.split(',')[0]} keeps data there: choose a location inside ${where} when you set it up, and get that written into ${c.vendor}'s data processing agreement before the first load.`,
    ),
  ]
}
