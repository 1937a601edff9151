import type { Because, BriefDecision } from '#app/engine/brief.ts'
import { databaseMachine } from '#app/engine/costs/sizing.ts'
import { MONTHS } from '#app/engine/costs/usage.ts'
import { type PlanContext, sizeAt } from '#app/engine/plan.ts'
import { formatNumber } from '#app/engine/prose.ts'
import { because } from '#app/engine/rules/types.ts'
import type { Planned } from './components.ts'

/**
 * Decisions are made before the plan is sized; a few things only the plan
 * knows (a step's component joining in a given month, a database that needs
 * more than one node) must then be said by the decision that owns them, so
 * that no cost line prices what the decisions do not choose. Each function
 * here rewrites one decision from the plan, never the other way round.
 */
export function agreeWithPlan(decisions: readonly BriefDecision[], ctx: PlanContext): BriefDecision[] {
  const byId = (id: string) => ctx.planned.find((p) => p.c.id === id)
  return decisions.map((d) => {
    switch (d.area) {
      case 'search': {
        const engine = byId('search_engine')
        return engine ? withSearchEngine(d, engine) : d
      }
      case 'analytics': {
        const warehouse = byId('warehouse')
        return warehouse ? withWarehouse(d, warehouse) : d
      }
      case 'database': {
        const database = byId('database')
        return database ? withScaleOut(d, ctx, database) : d
      }
      default:
        return d
    }
  })
}

/** "Meilisearch (open source) on AWS EC2 instances" → "Meilisearch". */
const productName = (p: Planned) => p.c.product.split(/ \(| on |, /)[0]

function withSearchEngine(d: BriefDecision, engine: Planned): BriefDecision {
  const month = engine.c.fromMonth
  const name = productName(engine)
  return {
    ...d,
    choice: { ...d.choice, name: `${d.choice.name}, adding ${name} from month ${month}` },
    because: [
      ...d.because,
      because(
        'search.engine_joins_plan',
        ['load.dataVolumeGbIn12Months', 'data.kinds'],
        `The plan adds ${name}, fed from Postgres, from month ${month}, when the data passes that size, and prices it from then; if measured search is still fast, leave it out.`,
      ),
    ],
  }
}

function withWarehouse(d: BriefDecision, warehouse: Planned): BriefDecision {
  const month = warehouse.c.fromMonth
  const when = month === 1 ? 'from launch' : `from month ${month}`
  return {
    ...d,
    choice: {
      ...d.choice,
      name: `${d.choice.name.split(',')[0]}, with a ${productName(warehouse).replace('Google ', '')} warehouse ${when}`,
    },
    because: [
      ...d.because.filter((b) => b.rule !== 'analytics.warehouse_within_a_year'),
      because(
        'analytics.warehouse_joins_plan',
        ['load.dataVolumeGbIn12Months'],
        `${month === 1 ? 'From launch' : `From month ${month}`} the data is past the size where a warehouse earns its keep: ${warehouse.c.product.replace(/^Google BigQuery, loaded/, 'a BigQuery copy is loaded')}, priced from then, for heavy reports.`,
      ),
    ],
  }
}

/** Sentences that promise one database node, which a plan that scales out contradicts. */
const ONE_NODE_RULES = new Set([
  'database.data_volume',
  'database.write_heavy_profile',
  'database.no_sharding_before_measurement',
])

function withScaleOut(d: BriefDecision, ctx: PlanContext, database: Planned): BriefDecision {
  const last = MONTHS - 1
  const sizes = (['lean', 'moderate', 'scaled'] as const).map((band) => {
    const s = sizeAt(ctx, database, band, last)
    return s.kind === 'database' ? s.db : undefined
  })
  const moderate = sizes[1]
  if (!moderate || sizes.every((s) => !s || (s.primaries === 1 && s.readReplicas === 0))) return d
  const id = database.c.catalogId ?? 'neon'
  const node = databaseMachine(id, moderate.cu).name
  const largest = databaseMachine(id, moderate.maxCu).name
  const parts: string[] = []
  if (moderate.primaries > 1)
    parts.push(`${formatNumber(moderate.primaries)} partitions of ${node}, split by tenant or device`)
  else parts.push(`one primary of ${node}`)
  if (moderate.readReplicas > 0)
    parts.push(`${formatNumber(moderate.readReplicas)} read replicas of ${node} taking the reads`)
  const scaleOut: Because = because(
    `${d.area}.scales_out_in_plan`,
    ['load.peakRequestsPerSecond', 'load.readWriteProfile', 'data.timeseriesEventsPerSecond'],
    `At the month-12 load one node is not enough, even the largest ${database.c.vendor} sells (${moderate.maxConfirmed ? largest : `taken as ${largest}, which the sources do not confirm`}): the moderate band runs ${parts.join(' and ')}. Choose the partition key before launch, since moving rows between partitions later is the expensive part, and test a restore of one partition.`,
  )
  return {
    ...d,
    choice: {
      ...d.choice,
      name:
        moderate.primaries > 1
          ? `${d.choice.name}, partitioned across ${formatNumber(moderate.primaries)} nodes by month 12`
          : `${d.choice.name}, with read replicas by month 12`,
    },
    because: [...d.because.filter((b) => !ONE_NODE_RULES.has(b.rule)), scaleOut],
  }
}
