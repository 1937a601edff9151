import type { Answers } from '#app/engine/answers.ts'
import type { Because } from '#app/engine/brief.ts'
import { formatNumber } from './_shared-stack.ts'
import { type AreaRules, because, type TriggerDef } from './types.ts'

/** p95 on a hot path that, after the database steps, justifies a cache (seed 000, caching). */
export const SLOW_HOT_PATH_P95_MS = 500
/** A peak at which caching is likely to earn a place eventually; it still waits for measurement. */
export const HIGH_PEAK_RPS = 500

const ORDER = 'measure the slow path, add the missing index, tune the query, move to a bigger database instance'

function perSecond(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'request' : 'requests'} per second`
}

/** Read volume is mentioned so the founder sees it was weighed; it never moves the deferral. */
function readLoad(a: Answers): Because | null {
  const peak = a.load.peakRequestsPerSecond
  if (peak >= HIGH_PEAK_RPS) {
    return because(
      'cache.high_load_still_measured_first',
      ['load.peakRequestsPerSecond', 'load.readWriteProfile'],
      `At a peak of ${perSecond(peak)} a cache will probably earn its place on some paths, but which paths is something only measurement shows, and the database steps come first; the deferral stands until then.`,
    )
  }
  if (a.load.readWriteProfile === 'read_heavy') {
    return because(
      'cache.read_heavy_is_not_a_reason',
      ['load.readWriteProfile', 'load.peakRequestsPerSecond'],
      `Your product mostly reads and peaks at about ${perSecond(peak)}; an indexed Postgres serves that without help, so reading a lot is not by itself a reason to cache.`,
    )
  }
  return null
}

export const CACHE_TRIGGERS: readonly TriggerDef[] = [
  {
    id: 'hot_path_slow_after_rightsizing',
    area: 'cache',
    title: 'A hot path stays slow after the database is right-sized',
    metric: 'p95_latency_ms',
    comparator: '>=',
    threshold: SLOW_HOT_PATH_P95_MS,
    action: `Work through the steps in order: ${ORDER}. Only if that path still sits at ${SLOW_HOT_PATH_P95_MS} ms or more at p95, add a read-through cache at the service boundary for that path alone, after writing down in one sentence when its entries expire.`,
    guide: 'caching',
  },
]

export const cache: AreaRules = {
  area: 'cache',
  decide(a) {
    const load = readLoad(a)
    return {
      area: 'cache',
      title: 'Caching',
      choice: { id: 'read_through_cache', name: 'Read-through cache at the service boundary, later' },
      status: 'defer',
      because: [
        because(
          'cache.defer_until_measured',
          [],
          `No cache on day one. A cache is a second copy of your data that can quietly go stale, so it comes last: ${ORDER}, and cache only if the path is still slow. Most products never get past the index.`,
        ),
        ...(load ? [load] : []),
        because(
          'cache.expiry_rule_first',
          [],
          'When a cache does arrive, put it at the service boundary as a read-through cache (the service asks the cache, and on a miss loads from the database and fills it), not underneath at the database layer, so one function owns both the read and the expiry. Write the expiry rule down first in a single sentence; if it takes more than one, the cache is not ready.',
        ),
      ],
      alternatives: [
        {
          id: 'cache_from_day_one',
          name: 'Redis in front of everything from day one',
          whyNot:
            'It adds a service and a class of stale-data bugs before any measurement has shown a slow path; the index and query steps fix most slow pages for free.',
        },
        {
          id: 'database_layer_cache',
          name: 'A cache at the database or ORM layer',
          whyNot:
            'Entries keyed by query text are hard to expire when a row changes, and many callers miss at once when a popular entry expires. At the service boundary the code that knows the data also knows when it changes.',
        },
        {
          id: 'redis_primary_store',
          name: 'Redis as the primary store',
          whyNot:
            'Redis is a cache: keep in it only what you can rebuild from Postgres. Records that live only in Redis are one eviction or restart away from being lost.',
        },
      ],
      revisitWhen: ['hot_path_slow_after_rightsizing'],
      guide: 'caching',
    }
  },
  triggers: CACHE_TRIGGERS,
}
