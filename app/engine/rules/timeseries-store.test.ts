import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readingsFromAnswers } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, DATA_INPUT } from '#tests/support/answers.ts'
import { alternative, decideChecked, reason } from '#tests/support/area-rules.ts'
import { TIMESCALE_EVENTS_PER_SECOND, TIMESERIES_INGEST_VOLUME, timeseriesStore } from './timeseries-store.ts'

const dataAnswers = (patch?: AnswersPatch) => buildAnswers(patch, DATA_INPUT)

const TS = ['relational', 'timeseries'] as const

interface Row {
  name: string
  over: AnswersPatch
  choice: string
  rule: string
  says: RegExp[]
  revisitWhen: string[]
}

describe('time-series store rules', () => {
  it.each<Row>([
    {
      name: 'none without time-series data, with a reason naming data.kinds (seed 000, deviations are narrow)',
      over: { data: { kinds: ['relational'], timeseriesEventsPerSecond: 5000 } },
      choice: 'none',
      rule: 'timeseries_store.no_timeseries',
      says: [/did not list time-series/, /kinds of data|data kinds/],
      revisitWhen: [],
    },
    {
      name: 'plain time-partitioned Postgres below 1,000 events per second (seed 000, time-series at volume)',
      over: { data: { kinds: [...TS], timeseriesEventsPerSecond: 200 } },
      choice: 'postgres',
      rule: 'timeseries_store.plain_postgres_below_volume',
      says: [/About 200 events per second/, /1,000 per second/, /partitioned by time/],
      revisitWhen: ['timeseries_ingest_volume'],
    },
    {
      name: 'no stated ingest rate is treated as below volume (seed 000, time-series at volume)',
      over: { data: { kinds: [...TS] } },
      choice: 'postgres',
      rule: 'timeseries_store.plain_postgres_below_volume',
      says: [/no rate of time-series events/],
      revisitWhen: ['timeseries_ingest_volume'],
    },
    {
      name: 'just below the threshold stays on plain Postgres (seed 000, time-series at volume)',
      over: { data: { kinds: [...TS], timeseriesEventsPerSecond: 999.5 } },
      choice: 'postgres',
      rule: 'timeseries_store.plain_postgres_below_volume',
      says: [/999\.5/],
      revisitWhen: ['timeseries_ingest_volume'],
    },
    {
      name: 'Timescale at 1,000 events per second: Postgres with a time-series extension, queries still work (seed 000, time-series at volume)',
      over: { data: { kinds: [...TS], timeseriesEventsPerSecond: 1000 } },
      choice: 'timescale',
      rule: 'timeseries_store.timescale_at_volume',
      says: [/1,000 per second/, /Postgres with a time-series extension/, /SQL/],
      revisitWhen: [],
    },
    {
      name: 'the time-series decision follows the database when residency keeps it off Timescale Cloud (issue 8, one plan)',
      over: {
        data: { kinds: [...TS], timeseriesEventsPerSecond: 5000 },
        compliance: { dataResidency: ['india'] },
        budget: { hosting: 'cloud_provider' },
      },
      choice: 'postgres',
      rule: 'timeseries_store.follows_the_database',
      says: [/Timescale Cloud does not confirm keeping data in India/, /stays on Amazon RDS, which does not offer/],
      revisitWhen: [],
    },
    {
      name: 'the time-series decision follows the database when health data needs a BAA Timescale Cloud does not confirm (issue 8, one plan)',
      over: { data: { kinds: [...TS], timeseriesEventsPerSecond: 5000, sensitive: ['health'] } },
      choice: 'postgres',
      rule: 'timeseries_store.follows_the_database',
      says: [/does not confirm signing a Business Associate Agreement/],
      revisitWhen: [],
    },
    {
      name: 'Timescale at telemetry volume names the actual rate (seed 000, time-series at volume)',
      over: { data: { kinds: [...TS], timeseriesEventsPerSecond: 4000 } },
      choice: 'timescale',
      rule: 'timeseries_store.timescale_at_volume',
      says: [/About 4,000 time-series events per second/],
      revisitWhen: [],
    },
    {
      name: 'Timescale on a managed host runs where the extension is offered: Timescale Cloud (seed 002, operational burden)',
      over: { data: { kinds: [...TS], timeseriesEventsPerSecond: 4000 }, budget: { hosting: 'cloud_provider' } },
      choice: 'timescale',
      rule: 'timeseries_store.check_extension_on_host',
      says: [/runs on Timescale Cloud/, /ships the extension/],
      revisitWhen: [],
    },
  ])('$name', ({ over, choice, rule, says, revisitWhen }) => {
    const d = decideChecked(timeseriesStore, dataAnswers(over))
    expect(d.choice.id).toBe(choice)
    expect(d.status).toBe(d.choice.id === 'none' ? 'not_applicable' : 'adopt')
    expect(d.revisitWhen).toEqual(revisitWhen)
    const text = reason(d, rule).text
    for (const pattern of says) expect(text).toMatch(pattern)
  })

  it.each<{ name: string; eps: number; id: string; says: RegExp }>([
    {
      name: 'InfluxDB is never the primary store before plain Postgres is measured (seed 000, time-series at volume)',
      eps: 100,
      id: 'influxdb',
      says: /primary store.*measure whether plain Postgres breaks first/,
    },
    {
      name: 'InfluxDB stays an alternative at volume too (seed 000, time-series at volume)',
      eps: 5000,
      id: 'influxdb',
      says: /measure whether plain Postgres breaks first/,
    },
    {
      name: 'Prometheus is for your own metrics (seed 000, time-series at volume)',
      eps: 100,
      id: 'prometheus',
      says: /your own systems.*plain Postgres/,
    },
    {
      name: 'Timescale is the deferred next step below volume (seed 000, time-series at volume)',
      eps: 100,
      id: 'timescale',
      says: /next step/,
    },
    {
      name: 'plain Postgres is the alternative once at volume (seed 000, time-series at volume)',
      eps: 5000,
      id: 'postgres',
      says: /5,000 events per second/,
    },
  ])('$name', ({ eps, id, says }) => {
    const d = decideChecked(timeseriesStore, dataAnswers({ data: { kinds: [...TS], timeseriesEventsPerSecond: eps } }))
    expect(alternative(d, id).whyNot).toMatch(says)
  })

  it.each<{ name: string; eps: number; status: string }>([
    { name: 'ok well below', eps: 100, status: 'ok' },
    { name: 'approaching at 800', eps: 800, status: 'approaching' },
    { name: 'fired at 1,000', eps: 1000, status: 'fired' },
  ])(
    'timeseries_ingest_volume at 1,000 events per second: $name (seed 000, time-series at volume)',
    ({ eps, status }) => {
      const a = dataAnswers({ data: { kinds: [...TS], timeseriesEventsPerSecond: eps } })
      expect(evaluateTrigger(TIMESERIES_INGEST_VOLUME, a, readingsFromAnswers(a)).status).toBe(status)
    },
  )

  it('owns timeseries_ingest_volume: move the tables to Timescale hypertables (seed 000, time-series at volume)', () => {
    expect(TIMESCALE_EVENTS_PER_SECOND).toBe(1000)
    expect(timeseriesStore.triggers).toEqual([TIMESERIES_INGEST_VOLUME])
    expect(TIMESERIES_INGEST_VOLUME).toMatchObject({
      id: 'timeseries_ingest_volume',
      area: 'timeseries_store',
      metric: 'timeseries_events_per_second',
      comparator: '>=',
      threshold: 1000,
    })
    expect(TIMESERIES_INGEST_VOLUME.action).toMatch(/Timescale hypertables/)
  })
})
