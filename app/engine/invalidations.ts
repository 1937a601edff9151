import { because } from '#app/engine/rules/types.ts'
import type { Answers } from './answers.ts'
import type { Costs, Metric, Risk, Trigger } from './brief.ts'
import { formatNumber, formatUsd, joinWords } from './prose.ts'

/**
 * What would make this plan wrong: the figures the whole plan rests on, and
 * what changes when reality lands elsewhere. Each names the figure and the
 * trigger (by its title) or the band that would change.
 */

/** The trigger on one of `metrics` that does not fire within the year and sits closest to its threshold. */
function nearestUnfired(triggers: readonly Trigger[], metrics: readonly Metric[]): Trigger | undefined {
  const ratio = (t: Trigger) => t.threshold / (t.observed ?? 1)
  return triggers
    .filter(
      (t) =>
        metrics.includes(t.metric) &&
        t.firesInMonth === null &&
        t.observed !== null &&
        t.observed > 0 &&
        (t.comparator === '>' || t.comparator === '>=') &&
        t.threshold > t.observed,
    )
    .sort((x, y) => ratio(x) - ratio(y) || (x.id < y.id ? -1 : 1))[0]
}

function times(t: Trigger): string {
  const r = t.threshold / (t.observed ?? 1)
  return r < 10 ? `${formatNumber(Math.round(r * 10) / 10)} times` : `${formatNumber(Math.round(r))} times`
}

export function loadEstimate(a: Answers, triggers: readonly Trigger[]): Risk {
  const users = a.load.activeUsersIn12Months
  const rps = a.load.peakRequestsPerSecond
  const watched: readonly Metric[] = ['active_users', 'peak_rps', 'db_size_gb']
  const next = nearestUnfired(triggers, watched)
  const watchers = triggers.filter((t) => watched.includes(t.metric))
  const data = a.load.dataVolumeGbIn12Months
  const sized = `The plan is sized for ${formatNumber(users)} monthly active users, ${formatNumber(rps)} ${rps === 1 ? 'request' : 'requests'} a second at peak and ${formatNumber(data)} GB of data by month 12.`
  const changes = next
    ? ` At ${formatNumber(next.threshold)} ${next.unit} (${times(next)} the estimate) the trigger “${next.title}” ${next.alsoRequires.length > 0 ? 'reaches its threshold and its step may join the plan once measurement confirms it' : 'fires and its step joins the plan'}; well below the estimate, the lean band is the whole bill.`
    : watchers.length > 0
      ? ` Every trigger that watches those figures (${joinWords(watchers.map((t) => `“${t.title}”`))}) already reaches its threshold within the estimate, so a larger number changes the size and cost of what is planned, read in the higher bands, rather than its shape.`
      : ' No trigger in this plan watches those figures, so a larger number changes the size and cost of what is planned, read in the higher bands, rather than its shape.'
  return {
    id: 'load_estimate',
    kind: 'invalidation',
    severity: next?.status === 'approaching' ? 'medium' : 'low',
    text: `${sized}${changes}`,
    mitigation:
      'Replace the estimate with measured figures from the first month, record them as signals, and regenerate the brief when they run ahead of the curve.',
    because: [
      because(
        'invalidation.load_estimate',
        ['load.activeUsersIn12Months', 'load.peakRequestsPerSecond', 'load.dataVolumeGbIn12Months'],
        'The 12-month load figures are compared with the nearest trigger that watches them.',
      ),
    ],
  }
}

/** Where the lean band takes most of the budget, a cut to the budget is what would break the plan. */
export const BUDGET_TIGHT_SHARE = 0.5

export function budgetCut(a: Answers, costs: Costs): Risk | undefined {
  const budget = a.budget.monthlyInfraUsd * 100
  const leanPeak = Math.max(...costs.bands.lean.monthly)
  if (budget < leanPeak || leanPeak < budget * BUDGET_TIGHT_SHARE) return undefined
  const biggest = [...costs.lineItems]
    .sort((x, y) => y.bands.lean[11] - x.bands.lean[11] || (x.id < y.id ? -1 : 1))
    .slice(0, 2)
    .filter((l) => l.bands.lean[11] > 0)
    .map((l) => `${l.name} (${formatUsd(l.bands.lean[11])} in month 12)`)
  return {
    id: 'budget_cut',
    kind: 'invalidation',
    severity: 'medium',
    text: `The plan assumes ${formatUsd(budget)} a month for infrastructure, and the lean band already reaches ${formatUsd(leanPeak)}; a cut of ${formatUsd(budget - leanPeak)} or more leaves even the smallest version of this plan unaffordable.`,
    mitigation: `Agree the budget before launch, and decide now what gives way first if it is cut${biggest.length > 0 ? `: the largest lean items are ${joinWords(biggest)}` : ''}.`,
    because: [
      because(
        'invalidation.budget_cut',
        ['budget.monthlyInfraUsd'],
        'The budget is compared with the highest month of the lean band.',
      ),
    ],
  }
}

export function teamGrowth(a: Answers, triggers: readonly Trigger[]): Risk | undefined {
  const { engineers, engineersIn12Months } = a.team
  // A team that does not plan to grow is not counting on a hiring figure.
  if (engineersIn12Months <= engineers) return undefined
  const next = nearestUnfired(triggers, ['engineers'])
  if (!next) return undefined
  return {
    id: 'team_growth',
    kind: 'invalidation',
    severity: next.status === 'approaching' ? 'medium' : 'low',
    text: `The plan counts on ${formatNumber(engineers)} ${engineers === 1 ? 'engineer' : 'engineers'} now and ${formatNumber(engineersIn12Months)} in a year. If hiring runs to ${formatNumber(next.threshold)}, the trigger “${next.title}” fires and the one deployable starts to be split.`,
    mitigation:
      'Revisit the brief whenever the hiring plan changes by more than a couple of people, and keep module boundaries strict so a split stays a move rather than a rewrite.',
    because: [
      because(
        'invalidation.team_growth',
        ['team.engineers', 'team.engineersIn12Months'],
        'The expected team size is compared with the nearest trigger that watches it.',
      ),
    ],
  }
}

/** The invalidation risks the plan's own figures raise, to sit beside those the risk rules find. */
export function planInvalidations(a: Answers, costs: Costs, triggers: readonly Trigger[]): Risk[] {
  return [loadEstimate(a, triggers), budgetCut(a, costs), teamGrowth(a, triggers)].filter(
    (r): r is Risk => r !== undefined,
  )
}
