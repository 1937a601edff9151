import { describe, expect, it } from 'vitest'
import { evaluateTrigger, evaluateTriggers, readingsFromAnswers } from '#app/engine/triggers.ts'
import { type AnswersPatch, buildAnswers, DATA_INPUT } from '#tests/support/answers.ts'
import { alternative, decideChecked, reason } from '#tests/support/area-rules.ts'
import { DB_PRESSURE_ACTIVE_USERS, DB_PRESSURE_CPU_PERCENT, database, SUSTAINED_DB_PRESSURE } from './database.ts'

const dataAnswers = (patch?: AnswersPatch) => buildAnswers(patch, DATA_INPUT)

interface Row {
  name: string
  over: AnswersPatch
  rule: string
  says: RegExp[]
}

describe('database rules', () => {
  it.each<Row>([
    {
      name: 'postgres covers transactions, relations, full-text search, JSON documents and a jobs table (seed 000, database choices)',
      over: {},
      rule: 'database.postgres_first_years',
      says: [/one to two years/, /transactions/, /relations/, /full-text search/, /JSON documents/, /jobs table/],
    },
    {
      name: 'each listed kind has a home in the one database (seed 000, database choices)',
      over: { data: { kinds: ['relational', 'documents', 'vectors', 'search', 'files'] } },
      rule: 'database.kinds_fit_postgres',
      says: [/JSONB/, /pgvector/, /tsvector/, /object storage/],
    },
    {
      name: 'managed Postgres on a platform so backups are not the team’s job (seed 000, managed services)',
      over: { budget: { hosting: 'managed_paas' } },
      rule: 'database.managed_postgres',
      says: [/Neon, a managed Postgres beside your platform/, /no one on the team has run a database/],
    },
    {
      name: 'managed Postgres of the cloud, not Postgres on a virtual machine (seed 002, operational burden)',
      over: { budget: { hosting: 'cloud_provider' }, team: { opsExperience: 'dedicated' } },
      rule: 'database.managed_postgres',
      says: [/RDS/, /virtual machine/],
    },
    {
      name: 'self-hosting makes backups and restore drills the team’s job (seed 002, operational burden)',
      over: { budget: { hosting: 'self_hosted' }, team: { opsExperience: 'none' } },
      rule: 'database.self_hosted_needs_backups',
      says: [/point-in-time recovery/, /restore/],
    },
    {
      name: 'a write-heavy profile is named and handled on one instance (seed 000, no premature sharding)',
      over: { load: { readWriteProfile: 'write_heavy' } },
      rule: 'database.write_heavy_profile',
      says: [/write-heavy/, /batch inserts/],
    },
    {
      name: 'a read-heavy profile scales by indexes, a bigger instance and replicas before a cache (seed 001, scale in steps)',
      over: { load: { readWriteProfile: 'read_heavy' } },
      rule: 'database.read_heavy_profile',
      says: [/read replicas/, /measured hot path/],
    },
    {
      name: 'the 12-month data volume is stated with its value (seed 002, feasibility lens)',
      over: { load: { dataVolumeGbIn12Months: 12 } },
      rule: 'database.data_volume',
      says: [/About 12 GB/, /small managed instance/],
    },
    {
      name: 'a large data volume asks for partitioning and a timed restore, not a second database (seed 002, operational burden)',
      over: { load: { dataVolumeGbIn12Months: 600 } },
      rule: 'database.data_volume',
      says: [/About 600 GB/, /partition/, /restore/],
    },
    {
      name: 'below 10,000 active users one instance is enough (seed 000, migration signals)',
      over: { load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 8000 } },
      rule: 'database.no_sharding_before_measurement',
      says: [/8,000/, /10,000/, /not on the table/],
    },
    {
      name: 'at 10,000 active users pressure still needs measured CPU before anything but a bigger instance (seed 000, migration signals)',
      over: { load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 25000 } },
      rule: 'database.no_sharding_before_measurement',
      says: [/25,000/, /70%/, /bigger instance/],
    },
  ])('$name', ({ over, rule, says }) => {
    const d = decideChecked(database, dataAnswers(over))
    expect(d.choice.id).toBe('postgres')
    const text = reason(d, rule).text
    for (const pattern of says) expect(text).toMatch(pattern)
  })

  it.each<{ name: string; over: AnswersPatch }>([
    { name: 'relational only', over: {} },
    {
      name: 'every data kind',
      over: { data: { kinds: ['relational', 'documents', 'timeseries', 'vectors', 'search', 'files'] } },
    },
    {
      name: 'a large write-heavy self-hosted product',
      over: {
        load: { readWriteProfile: 'write_heavy', activeUsersIn12Months: 90000, dataVolumeGbIn12Months: 2000 },
        budget: { hosting: 'self_hosted' },
      },
    },
  ])(
    'always adopts postgres and revisits only on sustained pressure: $name (seed 000, database choices)',
    ({ over }) => {
      const d = decideChecked(database, dataAnswers(over))
      expect(d.choice.id).toBe('postgres')
      expect(d.status).toBe('adopt')
      expect(d.revisitWhen).toEqual(['sustained_db_pressure'])
      expect(d.guide).toBe('databases')
    },
  )

  it.each<{ name: string; over: AnswersPatch; id: string; says: RegExp; present: boolean }>([
    {
      name: 'Redis is a cache, never the primary store (seed 000, what to avoid)',
      over: {},
      id: 'redis',
      says: /cache/,
      present: true,
    },
    {
      name: 'no sharding before measuring under real traffic (seed 000, what to avoid)',
      over: {},
      id: 'sharded_postgres',
      says: /scale the instance up first.*read replicas.*measuring query performance under real traffic/is,
      present: true,
    },
    {
      name: 'MySQL is the other relational default (seed 002, decision framework)',
      over: {},
      id: 'mysql',
      says: /relational/,
      present: true,
    },
    {
      name: 'MongoDB is weighed only when there are documents (seed 000, what to avoid)',
      over: {},
      id: 'mongodb',
      says: /./,
      present: false,
    },
    {
      name: 'MongoDB with relationships means joins written in application code (seed 000, what to avoid)',
      over: { data: { kinds: ['relational', 'documents'] } },
      id: 'mongodb',
      says: /join.*application code/,
      present: true,
    },
  ])('$name', ({ over, id, says, present }) => {
    const d = decideChecked(database, dataAnswers(over))
    if (!present) {
      expect(d.alternatives.map((a) => a.id)).not.toContain(id)
      return
    }
    expect(alternative(d, id).whyNot).toMatch(says)
  })

  it.each<{ name: string; users: number; cpu?: number; status: string }>([
    { name: 'far below 10,000 users: ok', users: 2000, status: 'ok' },
    { name: 'at 80% of 10,000 users: approaching', users: 8000, status: 'approaching' },
    { name: 'past 10,000 users but CPU unmeasured: still only approaching', users: 12000, status: 'approaching' },
    { name: 'past 10,000 users with CPU below 70%: approaching', users: 12000, cpu: 55, status: 'approaching' },
    { name: 'past 10,000 users with CPU at 70%: fired', users: 12000, cpu: 70, status: 'fired' },
  ])(
    'sustained_db_pressure needs users and measured CPU: $name (seed 000, migration signals)',
    ({ users, cpu, status }) => {
      const a = dataAnswers({ load: { activeUsersAtLaunch: 100, activeUsersIn12Months: users } })
      const readings = { ...readingsFromAnswers(a), ...(cpu === undefined ? {} : { db_cpu_percent: cpu }) }
      expect(evaluateTrigger(SUSTAINED_DB_PRESSURE, a, readings).status).toBe(status)
    },
  )

  it('owns sustained_db_pressure: 10,000 active users with 70% CPU, scale up before sharding (seed 000, migration signals)', () => {
    expect(database.triggers).toEqual([SUSTAINED_DB_PRESSURE])
    expect(SUSTAINED_DB_PRESSURE).toMatchObject({
      id: 'sustained_db_pressure',
      area: 'database',
      metric: 'active_users',
      comparator: '>=',
      threshold: DB_PRESSURE_ACTIVE_USERS,
      alsoRequires: [{ metric: 'db_cpu_percent', comparator: '>=', threshold: DB_PRESSURE_CPU_PERCENT }],
    })
    expect(DB_PRESSURE_ACTIVE_USERS).toBe(10_000)
    expect(DB_PRESSURE_CPU_PERCENT).toBe(70)
    expect(SUSTAINED_DB_PRESSURE.action).toMatch(
      /larger database instance first.*read replicas.*sharding only after measuring/i,
    )
  })

  it('the data-area triggers are registered with the engine under their shared ids (team vocabulary)', () => {
    const ids = [
      'sustained_db_pressure',
      'timeseries_ingest_volume',
      'vector_latency_under_load',
      'search_outgrows_postgres',
    ]
    const triggers = evaluateTriggers(new Set(ids), dataAnswers())
    expect(triggers.map((t) => [t.id, t.area, t.guide])).toEqual([
      ['sustained_db_pressure', 'database', 'migration-triggers'],
      ['timeseries_ingest_volume', 'timeseries_store', 'migration-triggers'],
      ['vector_latency_under_load', 'vector_store', 'migration-triggers'],
      ['search_outgrows_postgres', 'search', 'migration-triggers'],
    ])
  })
})
