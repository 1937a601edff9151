import type { AnswerPath } from '#app/engine/answers.ts'
import { AREAS, type Area, type Decision } from '#app/engine/brief.ts'

/**
 * Hand-made decisions for tests of the parts that read them (day one,
 * deferred, risks, handoff, summary), so those tests do not depend on what the
 * area modules decide today.
 */

export interface DecisionPatch {
  choice: string
  name?: string
  status?: Decision['status']
  revisitWhen?: string[]
  inputs?: AnswerPath[]
}

export function makeDecision(area: Area, patch: DecisionPatch | string = 'none'): Decision {
  const p = typeof patch === 'string' ? { choice: patch } : patch
  return {
    area,
    title: area.replaceAll('_', ' '),
    choice: { id: p.choice, name: p.name ?? (p.choice === 'none' ? 'Not needed' : `Chosen ${p.choice}`) },
    status: p.status ?? 'adopt',
    because: [{ rule: `${area}.test`, inputs: p.inputs ?? [], text: 'Made up for a test.' }],
    alternatives: [],
    revisitWhen: p.revisitWhen ?? [],
    guide: 'default-stack',
  }
}

/** One decision per area, in brief order; areas not given choose `none`. */
export function makeDecisions(patches: Partial<Record<Area, DecisionPatch | string>> = {}): Decision[] {
  return AREAS.map((area) => makeDecision(area, patches[area]))
}

/** A typical default stack, named the way the area modules name their choices. */
export const DEFAULT_STACK: Partial<Record<Area, DecisionPatch | string>> = {
  repo: { choice: 'monorepo', name: 'Monorepo' },
  architecture_style: {
    choice: 'modular_monolith',
    name: 'Modular monolith',
    revisitWhen: ['team_outgrows_one_service'],
  },
  deploy_regions: { choice: 'single_region', name: 'Single region', revisitWhen: ['residency_needs_second_region'] },
  hosting: { choice: 'managed_paas', name: 'Managed platform' },
  framework: { choice: 'nextjs', name: 'Next.js' },
  database: { choice: 'postgres', name: 'Postgres', revisitWhen: ['sustained_db_pressure'] },
  jobs: { choice: 'postgres_jobs_table', name: 'Postgres jobs table', revisitWhen: ['jobs_exceed_request_budget'] },
  cache: {
    choice: 'read_through_cache',
    name: 'Read-through cache',
    status: 'defer',
    revisitWhen: ['hot_path_slow_after_rightsizing'],
  },
  auth: { choice: 'clerk', name: 'Clerk' },
  email: { choice: 'postmark', name: 'Postmark' },
  observability: { choice: 'grafana_stack', name: 'Grafana, Loki and Prometheus' },
  analytics: { choice: 'product_analytics', name: 'Product analytics', revisitWhen: ['warehouse_justified'] },
  api: { choice: 'internal_endpoints', name: 'Internal endpoints' },
  tenancy: { choice: 'user_scoped', name: 'User-scoped data' },
}

export function defaultStack(extra: Partial<Record<Area, DecisionPatch | string>> = {}): Decision[] {
  return makeDecisions({ ...DEFAULT_STACK, ...extra })
}
