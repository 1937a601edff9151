import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Alternative, Because } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'
import { HEALTH_INPUTS, healthRegulated, regionWords, residencyFit } from '#app/engine/constraints.ts'
import { formatUsd } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

/** Below this monthly infrastructure budget (USD) the free tier of a Grafana stack is the tool; at or above it, a paid one. */
export const SMALL_BUDGET_USD = 1000

type ToolId = 'grafana_stack' | 'datadog' | 'honeycomb' | 'grafana_self_hosted'
type HostedTool = Exclude<ToolId, 'grafana_self_hosted'>

const NAMES: Record<ToolId, string> = {
  grafana_stack: 'Grafana + Loki + Prometheus (Grafana Cloud free tier)',
  datadog: 'Datadog',
  honeycomb: 'Honeycomb',
  grafana_self_hosted: 'Grafana + Loki + Prometheus, run on your own servers',
}

/** The catalog component behind each hosted tool, whose vendor facts say where it keeps data. */
const COMPONENTS: Record<HostedTool, string> = {
  grafana_stack: 'grafana_cloud',
  datadog: 'datadog',
  honeycomb: 'honeycomb',
}

/** Logs and traces carry personal data, so the tool must keep them where the data must stay; unconfirmed regions do not count. */
function keepsDataIn(catalog: Catalog, a: Answers, tool: HostedTool): boolean {
  return residencyFit(catalog, COMPONENTS[tool], a.compliance.dataResidency) === 'fits'
}

/**
 * The tool that fits the budget and the product, moved by residency: when it
 * cannot keep logs in the regions the data must stay in, a paid budget takes
 * the first hosted tool that confirms those regions, and otherwise the same
 * open-source stack runs on your own servers there.
 */
function chooseWithin(a: Answers, catalog: Catalog): { id: ToolId; because: Because[]; displaced?: HostedTool } {
  const fit = choose(a)
  if (keepsDataIn(catalog, a, fit.id)) return { id: fit.id, because: [fit.because] }
  const regions = regionWords(a.compliance.dataResidency)
  const paid = a.budget.monthlyInfraUsd >= SMALL_BUDGET_USD
  // A team with no operations experience is not handed a log stack to run: a hosted tool that keeps the region wins over the budget line.
  const confirmed = (['datadog', 'honeycomb'] as const).find((t) => keepsDataIn(catalog, a, t))
  // Read only where it can move the choice or the sentence, so the reasons name exactly what was read.
  const noOps = (!paid || confirmed === undefined) && a.team.opsExperience === 'none'
  const hosted = paid || noOps ? confirmed : undefined
  const id: ToolId = hosted ?? 'grafana_self_hosted'
  const outside = `Logs and traces carry personal data, which must stay in ${regions}; ${NAMES[fit.id]} does not confirm keeping data there`
  if (id !== 'grafana_self_hosted') {
    const text =
      noOps && !paid
        ? `${outside}. Running Grafana, Loki and Prometheus yourselves would cost less, but with no operations experience on the team it becomes one more system to patch, size and keep up at night; ${NAMES[id]} confirms keeping data in ${regions}, so it is chosen, and its bill is in the costs.`
        : `${outside}, and ${NAMES[id]} does, so it is chosen.`
    return {
      id,
      // What moved the choice comes first: the budget's pick is the tool it displaced.
      because: [
        because(
          'observability.residency',
          withPickInputs(
            paid ? ['compliance.dataResidency'] : ['compliance.dataResidency', 'team.opsExperience'],
            fit.because,
          ),
          text,
        ),
      ],
      displaced: fit.id,
    }
  }
  const text = noOps
    ? `${outside}, nor does any hosted tool weighed here. So the same open-source Grafana, Loki and Prometheus run in that region beside the app, although the team has no operations experience: keep it to one small instance with short retention, and move to a hosted tool as soon as one confirms ${regions} in writing.`
    : `${outside}${paid ? ', nor does any hosted tool weighed here' : ''}, so run the same open-source Grafana, Loki and Prometheus on your own servers in that region.`
  return {
    id,
    because: [
      because(
        'observability.residency',
        withPickInputs(['compliance.dataResidency', 'team.opsExperience'], fit.because),
        text,
      ),
    ],
    displaced: fit.id,
  }
}

/** No hosted tool here confirms a BAA, so logs never carry health data; on your own servers they stay under the host's BAA, scrubbed all the same. */
function noHealthInLogs(id: ToolId): Because {
  const text =
    id === 'grafana_self_hosted'
      ? "Health data needs a Business Associate Agreement (BAA) with every service that receives it; these logs stay on your own servers, under your host's BAA, but scrub health fields before they are written anyway, so a log export or a support screenshot never carries them."
      : `Health data needs a Business Associate Agreement (BAA) with every service that receives it, and ${NAMES[id]} does not confirm signing one, so logs and traces record ids and never health fields: scrub them in the logger before anything leaves the app.`
  return because('observability.no_health_in_logs', [...HEALTH_INPUTS], text)
}

const baseline = () =>
  because(
    'observability.from_day_one',
    [],
    'From the first deploy, not after launch: structured JSON logs carrying a request id, rate, errors and duration (RED) for every endpoint and background job, traces that follow a request through the app and its jobs, and one alert that fires when the error rate jumps; it is an afternoon of setup now and far harder to add in the middle of an incident.',
  )

/**
 * The residency reason names the tool it set aside, so it cites what picked
 * that tool too; the pick's own reason is left out, as it would argue for a
 * tool not chosen.
 */
function withPickInputs(inputs: readonly AnswerPath[], pick: Because): AnswerPath[] {
  return [...new Set([...inputs, ...pick.inputs])]
}

/** Products whose questions are about one event's path through many handlers. */
const traceHeavy = (a: Answers) => a.product.realtime === 'core' || a.load.fanOut

function choose(a: Answers): { id: HostedTool; because: Because } {
  const budget = formatUsd(a.budget.monthlyInfraUsd)
  if (a.budget.monthlyInfraUsd < SMALL_BUDGET_USD) {
    return {
      id: 'grafana_stack',
      because: because(
        'observability.small_budget_free_tier',
        ['budget.monthlyInfraUsd'],
        `Your infrastructure budget is ${budget} a month, under the ${formatUsd(SMALL_BUDGET_USD)} line where a paid tool makes sense: Grafana Cloud’s free tier gives you Loki for logs, Prometheus metrics, Tempo traces and alerting at no cost.`,
      ),
    }
  }
  const inputs = ['budget.monthlyInfraUsd', 'product.realtime', 'load.fanOut'] as const
  if (traceHeavy(a)) {
    const why =
      a.product.realtime === 'core' && a.load.fanOut
        ? 'realtime is at the core of your product and one event fans out to many handlers'
        : a.product.realtime === 'core'
          ? 'realtime is at the core of your product'
          : 'one event in your product fans out to many handlers'
    return {
      id: 'honeycomb',
      because: because(
        'observability.trace_heavy_product',
        inputs,
        `With ${budget} a month you can pay for less operations work, and because ${why}, most questions will be about one event’s path through the system: Honeycomb is built around querying traces by any field.`,
      ),
    }
  }
  return {
    id: 'datadog',
    because: because(
      'observability.budget_for_managed_tool',
      inputs,
      `With ${budget} a month you can pay for less operations work, and your product is mostly request and response rather than events fanning out, so Datadog’s hosts, logs, APM traces and alerts in one product, with little setup, fit best.`,
    ),
  }
}

function alternatives(a: Answers, catalog: Catalog, chosen: ToolId): Alternative[] {
  const budget = formatUsd(a.budget.monthlyInfraUsd)
  const small =
    chosen === 'grafana_stack' || (chosen === 'grafana_self_hosted' && a.budget.monthlyInfraUsd < SMALL_BUDGET_USD)
  const outOfRegion = (tool: HostedTool) =>
    `${NAMES[tool]} does not confirm keeping logs and traces in ${regionWords(a.compliance.dataResidency)}, where your data must stay.`
  const whyNot: Record<HostedTool, string> = {
    grafana_stack: `With ${budget} a month you can pay to avoid tuning dashboards, retention and alert routing yourselves; the Grafana free tier remains the fallback if spend gets tight.`,
    datadog: small
      ? `Datadog bills per host and per GB of logs, which would take a large share of your ${budget} monthly budget; revisit it when the budget reaches ${formatUsd(SMALL_BUDGET_USD)}.`
      : 'Datadog covers hosts, logs and APM broadly, but following one event through many handlers is what Honeycomb’s trace queries are built for, and per-host pricing grows with every worker you add.',
    honeycomb: small
      ? `Honeycomb is strongest at trace queries and is a paid product at any real volume; on ${budget} a month the free Grafana tier covers logs, metrics and traces.`
      : 'Honeycomb’s trace queries shine when events fan out through many handlers; your product is mostly request and response, where hosts, logs and APM in one place matter more.',
  }
  return (['grafana_stack', 'datadog', 'honeycomb'] as const)
    .filter((id) => id !== chosen)
    .map((id) => ({ id, name: NAMES[id], whyNot: keepsDataIn(catalog, a, id) ? whyNot[id] : outOfRegion(id) }))
}

export const observability: AreaRules = {
  area: 'observability',
  decide: (a, catalog) => {
    const { id, because: reasons } = chooseWithin(a, catalog)
    if (healthRegulated(a)) reasons.push(noHealthInLogs(id))
    return {
      area: 'observability',
      title: 'Observability',
      choice: { id, name: NAMES[id] },
      status: 'adopt',
      because: [baseline(), ...reasons],
      alternatives: alternatives(a, catalog, id),
      revisitWhen: [],
      guide: 'observability',
    }
  },
  triggers: [],
}
