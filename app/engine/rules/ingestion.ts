import type { AnswerPath } from '#app/engine/answers.ts'
import type { Decision } from '#app/engine/brief.ts'
import { ingestsEvents } from '#app/engine/costs/usage.ts'
import { formatNumber } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

const TITLE = 'Event ingestion'

/** What decides whether events need their own way in, when no ingestion rate is given. */
const INPUTS = [
  'load.ingestEventsPerSecond',
  'product.shape',
  'data.kinds',
  'data.timeseriesEventsPerSecond',
  'load.peakRequestsPerSecond',
] as const satisfies AnswerPath[]

/** Events from devices or other systems get their own path in, sized from their own rate. */
export const ingestion: AreaRules = {
  area: 'ingestion',
  decide(a): Decision {
    if (!ingestsEvents(a)) {
      return {
        area: 'ingestion',
        title: TITLE,
        choice: { id: 'none', name: 'Not needed' },
        status: 'not_applicable',
        because: [
          because(
            'ingestion.requests_only',
            INPUTS,
            'Everything the product stores arrives through people using it, so the app’s own requests are the only way in.',
          ),
        ],
        alternatives: [],
        revisitWhen: [],
        guide: 'default-stack',
      }
    }
    const given = a.load.ingestEventsPerSecond
    const rate = given ?? a.data.timeseriesEventsPerSecond
    const from = a.product.shape === 'iot' ? 'devices' : 'devices and other systems'
    const why =
      given !== undefined || a.product.shape === 'iot'
        ? ''
        : ` (more than the ${formatNumber(a.load.peakRequestsPerSecond)} requests a second people make at peak)`
    return {
      area: 'ingestion',
      title: TITLE,
      choice: { id: 'ingestion_endpoint', name: 'An ingestion endpoint that batches events into the database' },
      status: 'adopt',
      because: [
        because(
          'ingestion.own_endpoint',
          given !== undefined ? ['load.ingestEventsPerSecond'] : INPUTS,
          `About ${formatNumber(rate)} events a second arrive from ${from} rather than from people${why}, so they come in through an endpoint of their own that checks each message, batches rows and writes them in bulk; it scales with the event rate, and a burst of events cannot slow the pages people use.`,
        ),
      ],
      alternatives: [
        {
          id: 'event_streaming',
          name: 'A streaming platform (Kafka or similar) in front of the database',
          whyNot:
            'Batched inserts into Postgres absorb this rate; a streaming platform adds a cluster to run before any consumer needs to replay the stream.',
        },
      ],
      revisitWhen: [],
      guide: 'databases',
    }
  },
  triggers: [],
}
