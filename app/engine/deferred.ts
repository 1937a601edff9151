import { because } from '#app/engine/rules/types.ts'
import type { Answers } from './answers.ts'
import { AREAS, type Area, type Decision, type DeferredItem } from './brief.ts'
import { choiceIdOf, decisionFor, pathsRead } from './chosen.ts'
import { hasKind } from './facts.ts'
import { formatNumber, joinWords, regionLabel } from './prose.ts'
import { TRIGGER_DEFS } from './triggers.ts'

/**
 * What waits, and the measurement that reopens it: every decision deferred by
 * its area, plus the standing deferrals every first product carries.
 */

interface StandingDeferral {
  id: string
  area: Area
  until: string
  applies(a: Answers, decisions: readonly Decision[]): boolean
  item(a: Answers, decisions: readonly Decision[]): Omit<DeferredItem, 'id' | 'until'>
}

/**
 * The threshold of a trigger as its owning area defines it, so the sentences
 * here never drift from the trigger; the fallback is the shared vocabulary.
 */
export function thresholdOf(id: string, fallback: number): number {
  const t = TRIGGER_DEFS.find((def) => def.id === id)?.threshold
  return typeof t === 'number' ? t : fallback
}

/** "…, and the answers expect 9 in 12 months." or, once past the threshold, what that means now. */
function expectation(figure: string, past: boolean, whenPast: string): string {
  return past
    ? `the answers expect ${figure} in 12 months, so ${whenPast}`
    : `the answers expect ${figure} in 12 months`
}

export const STANDING_DEFERRALS: readonly StandingDeferral[] = [
  {
    id: 'split_services',
    area: 'architecture_style',
    until: 'team_outgrows_one_service',
    // Deferred unless a person chose separate services from the start.
    applies: (_a, decisions) => choiceIdOf(decisions, 'architecture_style') !== 'extract_services',
    item: (a) => {
      const limit = thresholdOf('team_outgrows_one_service', 15)
      const expected = a.team.engineersIn12Months
      return {
        what: 'Splitting the monolith into separately deployed services',
        because: [
          because(
            'deferred.split_services',
            ['team.engineersIn12Months'],
            `Separate deploys pay off once more than ${formatNumber(limit)} engineers share one service; ${expectation(
              formatNumber(expected),
              expected > limit,
              'plan the first extraction during the year, one service with a clear boundary at a time',
            )}.`,
          ),
        ],
      }
    },
  },
  {
    id: 'multi_region',
    area: 'deploy_regions',
    until: 'residency_needs_second_region',
    applies: (_a, decisions) => choiceIdOf(decisions, 'deploy_regions') === 'single_region',
    item: (a, decisions) => {
      const regions = a.compliance.dataResidency
      return {
        what: 'Running in a second region',
        because: [
          because(
            'deferred.multi_region',
            pathsRead(['compliance.dataResidency'], decisionFor(decisions, 'deploy_regions')),
            regions.length === 0
              ? 'No residency rule asks for a second region, so one region keeps data, logs and deploys in one place.'
              : `One region satisfies the residency asked for (${joinWords(regions.map(regionLabel))}); a second waits until a rule requires data held in two places.`,
          ),
        ],
      }
    },
  },
  {
    id: 'read_replicas_and_sharding',
    area: 'database',
    until: 'sustained_db_pressure',
    applies: () => true,
    item: (a) => {
      const users = thresholdOf('sustained_db_pressure', 10_000)
      const expected = a.load.activeUsersIn12Months
      return {
        what: 'Read replicas, and sharding after them',
        because: [
          because(
            'deferred.read_replicas_and_sharding',
            ['load.activeUsersIn12Months'],
            `Replicas and shards earn their cost only when around ${formatNumber(users)} active users keep database CPU high after indexes, query tuning and a larger instance; ${expectation(
              `${formatNumber(expected)} active users`,
              expected >= users,
              'watch database CPU from launch',
            )}.`,
          ),
        ],
      }
    },
  },
  {
    id: 'dedicated_vector_db',
    area: 'vector_store',
    until: 'vector_latency_under_load',
    applies: (a, decisions) => hasKind(a, 'vectors') && choiceIdOf(decisions, 'vector_store') !== 'dedicated_vector_db',
    item: (a, decisions) => ({
      what: 'A dedicated vector database',
      because: [
        because(
          'deferred.dedicated_vector_db',
          pathsRead(['data.kinds', 'data.vectorCount'], decisionFor(decisions, 'vector_store')),
          `Embeddings (${formatNumber(a.data.vectorCount)} expected) stay in Postgres until vector queries measured under real load stay above ${formatNumber(thresholdOf('vector_latency_under_load', 100))} ms at p95.`,
        ),
      ],
    }),
  },
  {
    id: 'warehouse',
    area: 'analytics',
    until: 'warehouse_justified',
    applies: () => true,
    item: (a) => {
      const gb = thresholdOf('warehouse_justified', 100)
      const expected = a.load.dataVolumeGbIn12Months
      return {
        what: 'A separate analytics warehouse',
        because: [
          because(
            'deferred.warehouse',
            ['load.dataVolumeGbIn12Months'],
            `Reporting reads modelled tables in the transactional database until it holds about ${formatNumber(gb)} GB; ${expectation(
              `${formatNumber(expected)} GB`,
              expected >= gb,
              'expect to add the warehouse within the year, once reports slow the database down',
            )}.`,
          ),
        ],
      }
    },
  },
  {
    id: 'queue',
    area: 'jobs',
    until: 'jobs_exceed_request_budget',
    applies: (_a, decisions) => choiceIdOf(decisions, 'jobs') !== 'queue',
    item: (a, decisions) => {
      const seconds = thresholdOf('jobs_exceed_request_budget', 30)
      const meanwhile =
        choiceIdOf(decisions, 'jobs') === 'inline'
          ? 'work runs inline in the request'
          : 'a Postgres jobs table serves as the queue'
      return {
        what: 'A message queue or job broker',
        because: [
          because(
            'deferred.queue',
            pathsRead(['load.longestTaskSeconds'], decisionFor(decisions, 'jobs')),
            `The longest task is ${formatNumber(a.load.longestTaskSeconds)} s; a broker waits until work outgrows the ${formatNumber(seconds)}-second request budget, and until then ${meanwhile}.`,
          ),
        ],
      }
    },
  },
  {
    id: 'dedicated_search_engine',
    area: 'search',
    until: 'search_outgrows_postgres',
    applies: (a) => hasKind(a, 'search'),
    item: (a) => {
      const gb = thresholdOf('search_outgrows_postgres', 200)
      const expected = a.load.dataVolumeGbIn12Months
      return {
        what: 'A dedicated search engine',
        because: [
          because(
            'deferred.dedicated_search_engine',
            ['load.dataVolumeGbIn12Months', 'data.kinds'],
            `Postgres full-text search serves search until the database nears ${formatNumber(gb)} GB; ${expectation(
              `${formatNumber(expected)} GB`,
              expected >= gb,
              'measure search latency as the data grows and move search out when it slips',
            )}.`,
          ),
        ],
      }
    },
  },
]

/** A decision its area deferred, reopened by its first trigger. Without a trigger nothing could reopen it, so it is not listed. */
function deferredDecision(d: Decision): DeferredItem | undefined {
  const until = d.revisitWhen[0]
  if (d.status !== 'defer' || until === undefined) return undefined
  const trigger = TRIGGER_DEFS.find((t) => t.id === until)
  return {
    id: d.choice.id,
    what: `${d.choice.name} (${d.title})`,
    until,
    because: [
      because(
        'deferred.decision',
        pathsRead([], d),
        `${d.title} is deferred, and it reopens when this holds: ${trigger ? trigger.title : until}.`,
      ),
    ],
  }
}

/**
 * Area by area, in brief order: the decision the area deferred, then the
 * standing deferrals of that area. An id or an (area, trigger) pair appears once.
 */
export function listDeferred(a: Answers, decisions: readonly Decision[]): DeferredItem[] {
  const items: DeferredItem[] = []
  const seen = new Set<string>()
  const add = (area: Area, item: DeferredItem) => {
    const pair = `${area}:${item.until}`
    if (seen.has(item.id) || seen.has(pair)) return
    seen.add(item.id)
    seen.add(pair)
    items.push(item)
  }
  for (const area of AREAS) {
    const decision = decisionFor(decisions, area)
    const own = decision && deferredDecision(decision)
    if (own) add(area, own)
    for (const s of STANDING_DEFERRALS) {
      if (s.area === area && s.applies(a, decisions)) add(area, { id: s.id, until: s.until, ...s.item(a, decisions) })
    }
  }
  return items
}
