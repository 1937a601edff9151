import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Alternative, Because, Decision } from '#app/engine/brief.ts'
import { healthRegulated, regionWords } from '#app/engine/constraints.ts'
import { type DatabasePlacement, databaseName, placeDatabase } from './_placement.ts'
import type { AreaRules, TriggerDef } from './types.ts'
import { because } from './types.ts'

/** Sustained time-series writes per second from which Timescale hypertables pay for themselves. */
export const TIMESCALE_EVENTS_PER_SECOND = 1000

const TITLE = 'Time-series data'

const rate = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

const INFLUXDB: Alternative = {
  id: 'influxdb',
  name: 'InfluxDB',
  whyNot:
    'Not as the primary store: it is a second database with its own query language, backups and failure modes, and it cannot join readings to your customers; measure whether plain Postgres breaks first.',
}

const PROMETHEUS: Alternative = {
  id: 'prometheus',
  name: 'Prometheus',
  whyNot:
    'Prometheus is for metrics about your own systems, with short retention and no per-customer queries; product data belongs in the primary database, and plain Postgres should be measured and found wanting first.',
}

export const TIMESERIES_INGEST_VOLUME: TriggerDef = {
  id: 'timeseries_ingest_volume',
  area: 'timeseries_store',
  title: 'Time-series ingest reaches volume',
  metric: 'timeseries_events_per_second',
  comparator: '>=',
  threshold: TIMESCALE_EVENTS_PER_SECOND,
  action:
    'Turn the time-partitioned tables into Timescale hypertables (same database, same SQL), then add compression and continuous aggregates for the dashboards that read them.',
  guide: 'migration-triggers',
}

function decision(choice: Decision['choice'], reasons: Because[], alternatives: Alternative[], revisitWhen: string[]) {
  return {
    area: 'timeseries_store',
    title: TITLE,
    choice,
    status: choice.id === 'none' ? 'not_applicable' : 'adopt',
    because: reasons,
    alternatives,
    revisitWhen,
    guide: 'databases',
  } satisfies Decision
}

/** Where the extension comes from, on the database the placement chose (Timescale Cloud or your own servers). */
function hostOffersExtension(placed: DatabasePlacement): Because {
  const text =
    placed.vendor === 'small_vps'
      ? 'On your own servers the timescaledb extension is a package install on the Postgres you already run.'
      : "The database runs on Timescale Cloud, Timescale's own managed Postgres, which ships the extension with compression and continuous aggregates."
  return because('timeseries_store.check_extension_on_host', placed.inputs, text)
}

/** Time-series volume at which Timescale takes over from plain partitioned tables; the database placement reads it too. */
export const wantsTimescale = (a: Answers) =>
  a.data.kinds.includes('timeseries') && a.data.timeseriesEventsPerSecond >= TIMESCALE_EVENTS_PER_SECOND

export const timeseriesStore: AreaRules = {
  area: 'timeseries_store',
  decide(a, catalog) {
    if (!a.data.kinds.includes('timeseries')) {
      return decision(
        { id: 'none', name: 'Not needed' },
        [
          because(
            'timeseries_store.no_timeseries',
            ['data.kinds'],
            'You did not list time-series among your data kinds, so there is no separate store to choose; timestamps on ordinary rows need nothing special.',
          ),
        ],
        [],
        [],
      )
    }
    const eps = a.data.timeseriesEventsPerSecond
    const inputs = ['data.kinds', 'data.timeseriesEventsPerSecond'] as const
    const placed = wantsTimescale(a) ? placeDatabase(a, catalog, true) : undefined
    if (placed && (placed.vendor === 'timescale_cloud' || placed.vendor === 'small_vps')) {
      return decision(
        { id: 'timescale', name: 'Timescale (Postgres extension)' },
        [
          because(
            'timeseries_store.timescale_at_volume',
            inputs,
            `About ${rate(eps)} time-series events per second is at or past the ${rate(TIMESCALE_EVENTS_PER_SECOND)} per second where Timescale earns its place; it is Postgres with a time-series extension, so your SQL, ORM, joins and backups keep working.`,
          ),
          hostOffersExtension(placed),
        ],
        [
          {
            id: 'postgres',
            name: 'Plain Postgres, time-partitioned tables',
            whyNot: `At ${rate(eps)} events per second you would be hand-building rollups, compression and retention that hypertables give you inside the same database.`,
          },
          INFLUXDB,
          PROMETHEUS,
        ],
        [],
      )
    }
    if (placed) return partitionedOnHost(a, placed)
    const given =
      eps > 0
        ? `About ${rate(eps)} events per second is below`
        : 'You gave no rate of time-series events, so we assume you are below'
    return decision(
      { id: 'postgres', name: 'Postgres, time-partitioned tables' },
      [
        because(
          'timeseries_store.plain_postgres_below_volume',
          inputs,
          `${given} the ${rate(TIMESCALE_EVENTS_PER_SECOND)} per second where a time-series extension pays off; ordinary Postgres tables partitioned by time hold it, an index on (series, time) serves the range queries, and dropping an old partition is your retention policy.`,
        ),
      ],
      [
        {
          id: 'timescale',
          name: 'Timescale (Postgres extension)',
          whyNot: `Not needed below ${rate(TIMESCALE_EVENTS_PER_SECOND)} events per second; it is the next step when ingest grows, and the same tables and SQL carry over.`,
        },
        INFLUXDB,
        PROMETHEUS,
      ],
      [TIMESERIES_INGEST_VOLUME.id],
    )
  },
  triggers: [TIMESERIES_INGEST_VOLUME],
}

/**
 * Timescale is wanted at this volume, but the database runs where the
 * constraints put it, so the time-series decision follows it: time-partitioned
 * tables on that host, and Timescale only once its vendor confirms what it must.
 */
function partitionedOnHost(a: Answers, placed: DatabasePlacement): Decision {
  const eps = a.data.timeseriesEventsPerSecond
  const vendor = placed.vendor
  const host = databaseName(vendor)
  const residency = a.compliance.dataResidency
  const health = healthRegulated(a)
  const lacks = [
    ...(residency.length > 0 ? [`keeping data in ${regionWords(residency)}`] : []),
    ...(health ? ['signing a Business Associate Agreement (BAA)'] : []),
  ].join(' or ')
  const extension =
    vendor === 'aws_rds_postgres'
      ? ', which does not offer the timescaledb extension'
      : ', beside the rest of your records'
  return decision(
    { id: 'postgres', name: 'Postgres, time-partitioned tables' },
    [
      because(
        'timeseries_store.follows_the_database',
        [...new Set<AnswerPath>(['data.kinds', 'data.timeseriesEventsPerSecond', ...placed.inputs])],
        `About ${rate(eps)} time-series events per second would call for Timescale, but Timescale Cloud does not confirm ${lacks}, so the database stays on ${host}${extension}. The readings go in ordinary Postgres tables partitioned by time (a partition a day at this rate), with an index on (series, time), rollup tables that a scheduled job keeps current for the dashboards, and old partitions dropped as your retention policy.`,
      ),
    ],
    [
      {
        id: 'timescale',
        name: 'Timescale (Postgres extension)',
        whyNot: `It would give you hypertables, compression and continuous aggregates, but Timescale Cloud does not confirm ${lacks}. If it confirms that in writing, move the database there and turn the partitioned tables into hypertables with the same SQL.`,
      },
      INFLUXDB,
      PROMETHEUS,
    ],
    [],
  )
}
