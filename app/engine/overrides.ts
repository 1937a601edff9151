import { type DatabaseVendor, databaseName, placeDatabase } from '#app/engine/rules/_placement.ts'
import { FRAMEWORK_NAMES } from '#app/engine/rules/framework.ts'
import { because } from '#app/engine/rules/types.ts'
import type { Answers, Override } from './answers.ts'
import type { Area, Decision, Plan, Risk, Trigger } from './brief.ts'
import type { Catalog } from './catalog.ts'
import { baaFit, constraintsOf, type Fit, regionWords, requirementsFor, residencyFit } from './constraints.ts'

export { overrideSentence } from './override-sentence.ts'

/**
 * An expert's word over the engine's: each override replaces the
 * recommendation of its area after the rules and before the plan, so every
 * later section (plan, costs, picture, compliance lists, risks, triggers)
 * follows the person's choice. The decision keeps the recommendation it
 * replaced, with its reasons. Without overrides nothing here runs, so the
 * brief is the recommendation byte for byte.
 */

/** What a choice is called when the area's rules did not weigh it this time. */
const CHOICE_NAMES: Record<string, string> = {
  monorepo: 'One repository (monorepo)',
  modular_monolith: 'Modular monolith',
  extract_services: 'Separate services',
  single_region: 'One region',
  multi_region: 'One deploy per region',
  managed_paas: 'Managed platform (PaaS)',
  cloud_provider: 'Managed services of a major cloud provider',
  self_hosted: 'Your own servers',
  ...FRAMEWORK_NAMES,
  postgres: 'PostgreSQL',
  timescale: 'Timescale (Postgres extension)',
  pgvector: 'pgvector in Postgres',
  dedicated_vector_db: 'A dedicated vector database',
  postgres_jsonb: 'Postgres JSONB columns',
  mongodb: 'MongoDB',
  postgres_fts: 'Postgres full-text search',
  object_storage: 'Object storage',
  inline: 'Inline work in the request',
  postgres_jobs_table: 'Inline work + a Postgres jobs table',
  queue: 'A job queue',
  read_through_cache: 'Read-through cache at the service boundary, later',
  clerk: 'Clerk',
  better_auth: 'Better-Auth (open source, on your own infrastructure)',
  stytch: 'Stytch',
  auth0: 'Auth0',
  workos: 'WorkOS',
  stripe: 'Stripe',
  razorpay: 'Razorpay',
  postmark: 'Postmark',
  resend: 'Resend',
  amazon_ses: 'Amazon SES',
  grafana_stack: 'Grafana + Loki + Prometheus (Grafana Cloud)',
  grafana_self_hosted: 'Grafana + Loki + Prometheus, run on your own servers',
  datadog: 'Datadog',
  honeycomb: 'Honeycomb',
  product_analytics: 'Product analytics, reporting from Postgres read tables',
  versioned_rest: 'Versioned REST API',
  internal_endpoints: 'Endpoints for your own web app',
  org_scoped: 'Scoped by organization',
  user_scoped: 'Scoped by user',
  websocket_service: 'A WebSocket service beside the app',
  ingestion_endpoint: 'An ingestion endpoint that batches events into the database',
  hosted_llm_api: 'A hosted model through its API (Claude Haiku 4.5)',
}

/** The vendor a choice is bought from, where the area's rules name one, so the plan prices what was chosen. */
const CHOICE_VENDORS: Partial<Record<string, string>> = {
  clerk: 'clerk',
  better_auth: 'better_auth',
  stytch: 'stytch',
  auth0: 'auth0',
  workos: 'workos',
  hosted_llm_api: 'anthropic',
}

export function overrideOf(answers: Answers, area: Area): Override | undefined {
  return answers.overrides?.find((o) => o.area === area)
}

/** The decisions with every override applied; the same list when there are none. */
export function applyOverrides(answers: Answers, catalog: Catalog, ruled: readonly Decision[]): Decision[] {
  if (!answers.overrides?.length) return [...ruled]
  const decided = ruled.map((d) => {
    const o = overrideOf(answers, d.area)
    return o ? overridden(answers, catalog, d, o) : d
  })
  const timeseries = decided.find((d) => d.area === 'timeseries_store')
  return timeseries?.override ? databaseFollowing(answers, catalog, decided, timeseries) : decided
}

/**
 * Time-series data lives in the primary database, so the database follows a
 * person's time-series choice: Timescale Cloud for Timescale (your own
 * servers stay your own), the host's own managed Postgres otherwise. A vendor
 * that then breaks a constraint is reported by overrideRisks, as for any override.
 */
function databaseFollowing(
  answers: Answers,
  catalog: Catalog,
  decisions: readonly Decision[],
  timeseries: Decision,
): Decision[] {
  const db = decisions.find((d) => d.area === 'database')
  const vendor = db?.choice.vendor as DatabaseVendor | undefined
  if (!db || !vendor || !timeseries.override) return [...decisions]
  const timescale = timeseries.choice.id === 'timescale'
  const placed: { vendor: DatabaseVendor; plan?: string } = timescale
    ? { vendor: vendor === 'small_vps' ? 'small_vps' : 'timescale_cloud' }
    : vendor === 'timescale_cloud'
      ? placeDatabase(answers, catalog, false)
      : { vendor }
  if (placed.vendor === vendor) return [...decisions]
  const requires =
    placed.vendor === 'timescale_cloud'
      ? requirementsFor(catalog, placed.vendor, constraintsOf(answers))
      : placed.plan
        ? { plan: placed.plan, agreements: ['baa' as const] }
        : undefined
  const followed: Decision = {
    ...db,
    choice: {
      id: db.choice.id,
      name: `PostgreSQL on ${databaseName(placed.vendor)}${placed.plan === 'scale' ? ' (Scale plan)' : ''}`,
      vendor: placed.vendor,
      ...(requires ? { requires } : {}),
    },
    because: [
      ...db.because.filter(
        (b) => b.rule !== 'database.managed_postgres' && b.rule !== 'database.timescale_unconfirmed',
      ),
      because(
        'database.follows_timeseries_override',
        ['overrides'],
        `${databaseName(placed.vendor)} holds the database, since ${timeseries.override.by} chose ${timeseries.choice.name} for time-series data, which lives in the primary database.`,
      ),
    ],
  }
  return decisions.map((d) => (d === db ? followed : d))
}

/** What a choice of this decision's area is called: as the decision or its alternatives name it, else its usual name. */
export function choiceName(d: Pick<Decision, 'choice' | 'alternatives' | 'override'>, id: string): string {
  if (d.choice.id === id) return d.choice.name
  if (d.override?.recommended.id === id) return d.override.recommended.name
  return d.alternatives.find((x) => x.id === id)?.name ?? CHOICE_NAMES[id] ?? id
}

function overridden(answers: Answers, catalog: Catalog, d: Decision, o: Override): Decision {
  const recommended = { id: d.choice.id, name: d.choice.name }
  const record = { by: o.by, reason: o.reason, recommended, recommendedBecause: d.because }
  if (o.choice === d.choice.id) return { ...d, override: record }
  const vendor = CHOICE_VENDORS[o.choice]
  const requires = vendor ? requirementsFor(catalog, vendor, constraintsOf(answers)) : undefined
  return {
    ...d,
    choice: {
      id: o.choice,
      name: choiceName(d, o.choice),
      ...(vendor ? { vendor } : {}),
      ...(requires ? { requires } : {}),
    },
    status: o.choice === 'none' ? 'not_applicable' : 'adopt',
    because: [because(`override.${d.area}`, ['overrides'], `Decided by ${o.by}: ${o.reason}`)],
    alternatives: [
      {
        id: recommended.id,
        name: recommended.name,
        whyNot: `Recommended from your answers, and set aside by ${o.by}.`,
      },
      ...d.alternatives.filter((x) => x.id !== o.choice && x.id !== recommended.id),
    ],
    override: record,
  }
}

/**
 * The constraints an overridden choice breaks, as high risks: a vendor that
 * cannot (or does not confirm it can) keep personal data in the regions the
 * residency answer names, or one that does not sign a BAA for health data.
 * The override stands; the brief says what it costs.
 */
export function overrideRisks(answers: Answers, catalog: Catalog, decisions: readonly Decision[], plan: Plan): Risk[] {
  const c = constraintsOf(answers)
  const out: Risk[] = []
  for (const d of decisions) {
    const o = d.override
    if (!o || o.recommended.id === d.choice.id) continue
    const outside = plan.components.filter(
      (p) => p.area === d.area && p.catalogId !== null && !p.holds.every((h) => h === 'none'),
    )
    for (const p of outside) {
      const residency = residencyFit(catalog, p.catalogId ?? '', c.residency)
      if (residency !== 'fits') out.push(residencyRisk(d, p.vendor, residency, regionWords(c.residency)))
      const baa = c.baaRequired ? baaFit(catalog, p.catalogId ?? '') : 'not_applicable'
      if (baa === 'does_not_fit' || baa === 'unconfirmed') out.push(baaRisk(d, p.vendor, baa))
    }
  }
  return out.filter((r, i) => out.findIndex((x) => x.id === r.id) === i)
}

function residencyRisk(d: Decision, vendor: string, fit: Exclude<Fit, 'fits'>, where: string): Risk {
  const o = d.override as NonNullable<Decision['override']>
  const cannot =
    fit === 'does_not_fit' ? `cannot keep data in ${where}` : `does not confirm that it can keep data in ${where}`
  return {
    id: `override_breaks_residency_${d.area}`,
    kind: 'risk',
    severity: 'high',
    text: `${vendor}, chosen by ${o.by} for ${d.title.toLowerCase()}, ${cannot}, where your answers say personal data must stay.`,
    mitigation: `Get ${vendor}'s written commitment to keep this data in ${where} before any personal data reaches it; without it, choose a vendor that keeps data there.`,
    because: [
      because(
        'risks.override_breaks_residency',
        ['compliance.dataResidency', 'overrides'],
        `The overridden choice is checked against the residency answer with the vendor facts.`,
      ),
    ],
  }
}

function baaRisk(d: Decision, vendor: string, fit: 'does_not_fit' | 'unconfirmed'): Risk {
  const o = d.override as NonNullable<Decision['override']>
  const signs = fit === 'does_not_fit' ? 'does not sign' : 'does not confirm signing'
  return {
    id: `override_breaks_baa_${d.area}`,
    kind: 'risk',
    severity: 'high',
    text: `${vendor}, chosen by ${o.by} for ${d.title.toLowerCase()}, ${signs} a Business Associate Agreement (BAA), which HIPAA requires of every vendor that handles health data.`,
    mitigation: `Keep health data away from ${vendor} until it signs a BAA on the plan you pay for; without one, choose a vendor that signs.`,
    because: [
      because(
        'risks.override_breaks_baa',
        ['compliance.regimes', 'data.sensitive', 'overrides'],
        'The overridden choice is checked against the health-data constraint with the vendor facts.',
      ),
    ],
  }
}

/**
 * A step a fired trigger calls for that a person's choice leaves out (one
 * deployable kept although the team outgrows it), as a risk: the plan
 * follows the person, and the brief says what is expected to happen anyway.
 */
export function setAsideStepRisks(decisions: readonly Decision[], setAside: readonly Trigger[]): Risk[] {
  return setAside.flatMap((t): Risk[] => {
    const d = decisions.find((x) => x.area === t.area)
    const o = d?.override
    if (!d || !o) return []
    return [
      {
        id: `override_sets_aside_${t.id}`,
        kind: 'risk',
        severity: 'medium',
        text: `${o.by} chose ${d.choice.name} for ${d.title.toLowerCase()}, though your answers reach a migration trigger in month ${t.firesInMonth} (${lowerFirst(t.title)}); the step it calls for is not in the plan or its costs.`,
        mitigation: `When the measured figures reach the trigger, look at this choice again with ${o.by}. The step it calls for: ${t.action}`,
        because: [
          because(
            'risks.override_sets_aside_step',
            ['overrides'],
            "The overridden choice is checked against the triggers that fire within the year on the answers' figures.",
          ),
        ],
      },
    ]
  })
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
