import type { Answers } from './answers.ts'
import { type DayOneItem, type Decision, type DeferredItem, METRICS } from './brief.ts'
import { choiceIdOf, choiceNameOf, decisionFor } from './chosen.ts'
import { observabilitySink } from './day-one.ts'
import { listDeferred } from './deferred.ts'
import { hasPayments } from './facts.ts'
import { joinWords, regionLabel } from './prose.ts'
import { TRIGGER_DEFS } from './triggers.ts'

/**
 * The first week, as ordered steps a team can act on. The engine has no clock,
 * so the review is set relative to the day the team starts.
 */

/** Items the data model review and the observability step already cover. */
const COVERED_ELSEWHERE = new Set(['data_model', 'identity_model', 'tenant_id', 'observability'])

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** Where the app is deployed, as it reads inside a sentence. */
const DEPLOY_TARGETS: Record<string, string> = {
  managed_paas: 'a managed platform',
  cloud_provider: "your cloud provider's managed services",
  self_hosted: 'your own servers',
}

function repositoryStep(a: Answers, decisions: readonly Decision[]): string {
  const framework = choiceNameOf(decisions, 'framework')
  const hostingId = choiceIdOf(decisions, 'hosting')
  const hosting = DEPLOY_TARGETS[hostingId] ?? choiceNameOf(decisions, 'hosting')
  const repo =
    choiceIdOf(decisions, 'repo') === 'monorepo'
      ? 'one repository for the app, jobs and infrastructure'
      : 'the repository'
  const scaffold = framework ? `, scaffold the app with ${framework}` : ''
  const target = hosting ? ` to ${hosting}` : ''
  const readme = a.product.summary
    ? ` Put what the first release must prove at the top of the README: "${a.product.summary}"`
    : ''
  return `Create ${repo}${scaffold}, and deploy it${target} on every merge, with a staging environment beside production from the first commit.${readme}`
}

function dataModelStep(dayOne: readonly DayOneItem[]): string {
  const covered = dayOne.filter((d) => d.id !== 'observability' && COVERED_ELSEWHERE.has(d.id))
  const topics = covered.length > 0 ? `: ${joinWords(covered.map((d) => lowerFirst(d.title)))}` : ''
  return `Hold a data model review with everyone who will write migrations, before the first one${topics}. Write the outcome down next to this brief.`
}

function accountsStep(a: Answers, decisions: readonly Decision[]): string {
  const accounts: string[] = []
  const auth = decisionFor(decisions, 'auth')
  if (auth && auth.choice.id === 'better_auth') accounts.push(`${auth.choice.name} added to the app for sign-in`)
  else if (auth && auth.choice.id !== 'none') accounts.push(`${auth.choice.name} for sign-in`)
  const payments = choiceNameOf(decisions, 'payments')
  if (payments && hasPayments(a)) accounts.push(`${payments} in test mode with its webhooks pointed at staging`)
  const email = choiceNameOf(decisions, 'email')
  if (email) accounts.push(`${email} for email with the sending domain verified (SPF, DKIM, DMARC)`)
  const list = accounts.length > 0 ? accounts.join('; ') : 'the sign-in, payment and email services this brief chooses'
  const regions = a.compliance.dataResidency
  const region =
    regions.length > 0
      ? ` Choose ${regions.length > 1 ? 'regions' : 'the region'} in ${joinWords(regions.map(regionLabel))} on each.`
      : ''
  const regulated = a.compliance.regimes.includes('hipaa')
    ? ' Sign the BAAs before any real patient data arrives.'
    : a.compliance.regimes.length > 0
      ? ' Sign a data processing agreement with each before real user data arrives.'
      : ''
  return `Open the vendor accounts under a shared company login, not a personal one, and keep every key in the deployment's secrets: ${list}.${region}${regulated}`
}

function observabilityStep(decisions: readonly Decision[]): string {
  return `On the first deploy, send structured logs, RED metrics and traces to ${observabilitySink(decisionFor(decisions, 'observability'))}, and route the error-rate alert to a person who will answer it.`
}

function dayOneStep(dayOne: readonly DayOneItem[]): string | undefined {
  const rest = dayOne.filter((d) => !COVERED_ELSEWHERE.has(d.id))
  if (rest.length === 0) return undefined
  return `Build the remaining day-one items before feature work: ${joinWords(rest.map((d) => lowerFirst(d.title)))}.`
}

function triggersStep(decisions: readonly Decision[], deferred: readonly DeferredItem[]): string {
  const ids = new Set([...decisions.flatMap((d) => d.revisitWhen), ...deferred.map((d) => d.until)])
  const metrics = [...new Set(TRIGGER_DEFS.filter((t) => ids.has(t.id)).map((t) => METRICS[t.metric].label))]
  const watched = metrics.length > 0 ? ` (${joinWords(metrics.map(lowerFirst))})` : ''
  return `Put every migration trigger in this brief on one dashboard beside the metric it watches${watched}, so the team sees one approaching instead of arguing about it.`
}

function reviewStep(): string {
  return 'Book a review 90 days from the day you start: check in measured signals, update the answers, and generate a new revision of this brief to see what moved.'
}

/** `deferred` is `listDeferred(a, decisions)`; the engine passes the list it already has. */
export function writeHandoff(
  a: Answers,
  decisions: readonly Decision[],
  dayOne: readonly DayOneItem[],
  deferred: readonly DeferredItem[] = listDeferred(a, decisions),
): string[] {
  return [
    repositoryStep(a, decisions),
    dataModelStep(dayOne),
    accountsStep(a, decisions),
    observabilityStep(decisions),
    dayOneStep(dayOne),
    triggersStep(decisions, deferred),
    reviewStep(),
  ].filter((step): step is string => step !== undefined)
}
