import type { Answers } from '#app/engine/answers.ts'
import type { Alternative, Because } from '#app/engine/brief.ts'
import { type DatabasePlacement, databaseName, placeDatabase } from './_placement.ts'
import { wantsTimescale } from './timeseries-store.ts'
import type { AreaRules, TriggerDef } from './types.ts'
import { because } from './types.ts'

/** Monthly active users past which sustained database load becomes a plausible reason to scale out. */
export const DB_PRESSURE_ACTIVE_USERS = 10_000
/** Sustained database CPU that, together with that many users, counts as measured pressure. */
export const DB_PRESSURE_CPU_PERCENT = 70
/** Database size after 12 months from which sizing, partitioning and restore time deserve a plan. */
export const LARGE_DATABASE_GB = 100

type Kind = Answers['data']['kinds'][number]

/** Where each kind of data lives inside one Postgres database. */
const HOME_OF_KIND: Record<Kind, string> = {
  relational: 'relational rows in ordinary tables with foreign keys',
  documents: 'documents in JSONB columns',
  timeseries: 'time-stamped readings in time-partitioned tables',
  vectors: 'embeddings in pgvector columns',
  search: 'search through tsvector columns with GIN indexes',
  files: 'file metadata in a table (the bytes go to object storage)',
}

/** The kinds where Postgres has a feature MySQL lacks or has in weaker form: [label, feature]. */
const POSTGRES_FEATURE = {
  documents: ['document', 'JSONB'],
  timeseries: ['time-series', 'Timescale'],
  vectors: ['vector', 'pgvector'],
  search: ['search', 'tsvector full-text search'],
} as const

const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function postgresCoversEverything(): Because {
  return because(
    'database.postgres_first_years',
    [],
    'Postgres is the one database for the first one to two years: it gives you transactions, relations and joins, full-text search, JSON documents and a jobs table that doubles as a queue, and every host and ORM supports it.',
  )
}

function kindsFitOneDatabase(a: Answers): Because {
  const homes = a.data.kinds.map((k) => HOME_OF_KIND[k])
  return because(
    'database.kinds_fit_postgres',
    ['data.kinds'],
    `Every kind of data you listed has a place in it: ${listPhrase(homes)}.`,
  )
}

function hostingAndOps(a: Answers, placed: DatabasePlacement): Because {
  const ops = a.team.opsExperience
  // Whether Timescale Cloud is wanted reads the time-series rate, when there is time-series data.
  const timeseries = a.data.kinds.includes('timeseries') ? (['data.timeseriesEventsPerSecond'] as const) : []
  const inputs = [...placed.inputs, ...timeseries, 'team.opsExperience'] as const
  if (placed.vendor === 'small_vps') {
    const risk =
      ops === 'none'
        ? 'with no one on the team who has run a database before, restore drills are the first operations skill to learn'
        : ops === 'some'
          ? 'your team has some operations experience, so write the restore steps down before launch'
          : 'your operations engineer owns backups, upgrades and failover'
    return because(
      'database.self_hosted_needs_backups',
      inputs,
      `You run your own servers, so automate nightly backups with point-in-time recovery and rehearse a restore before launch; ${risk}.`,
    )
  }
  const where =
    placed.vendor === 'aws_rds_postgres'
      ? 'Amazon RDS for PostgreSQL, the managed Postgres in the same AWS account as your app, rather than Postgres on a virtual machine'
      : placed.vendor === 'timescale_cloud'
        ? "Timescale's managed Postgres"
        : 'Neon, a managed Postgres beside your platform'
  const who =
    ops === 'dedicated'
      ? 'leaving your operations engineer free for the application'
      : ops === 'some'
        ? 'so the little operations time you have goes to the product'
        : 'which matters because no one on the team has run a database before'
  return because(
    'database.managed_postgres',
    inputs,
    `Use ${where}: backups, failover and minor upgrades become the provider's job, ${who}.`,
  )
}

function dataVolume(a: Answers): Because {
  const gb = a.load.dataVolumeGbIn12Months
  const text =
    gb >= LARGE_DATABASE_GB
      ? `About ${grouped(gb)} GB after 12 months still fits one Postgres instance; partition the largest tables by time or tenant early and time a full restore, since restore time grows with size.`
      : `About ${grouped(gb)} GB after 12 months fits comfortably on a small managed instance, below the ${LARGE_DATABASE_GB} GB where partitioning and restore time need a plan.`
  return because('database.data_volume', ['load.dataVolumeGbIn12Months'], text)
}

function readWriteProfile(a: Answers): Because {
  const inputs = ['load.readWriteProfile'] as const
  switch (a.load.readWriteProfile) {
    case 'write_heavy':
      return because(
        'database.write_heavy_profile',
        inputs,
        'You expect a write-heavy load: keep indexes on the busiest tables to the ones queries use, batch inserts where you can, and watch write-ahead log volume and CPU; a well-sized single instance absorbs a lot of writes before anything else is needed.',
      )
    case 'balanced':
      return because(
        'database.balanced_profile',
        inputs,
        'Reads and writes are about even: one primary handles both, and the indexes your queries need are the first tuning step.',
      )
    case 'read_heavy':
      return because(
        'database.read_heavy_profile',
        inputs,
        'Mostly reads: good indexes come first, then a larger instance and read replicas; a cache waits until a measured hot path still needs one.',
      )
  }
}

function noShardingYet(a: Answers): Because {
  const users = a.load.activeUsersIn12Months
  const outlook =
    users >= DB_PRESSURE_ACTIVE_USERS
      ? `You expect ${grouped(users)} monthly active users at 12 months, at the ${grouped(DB_PRESSURE_ACTIVE_USERS)} mark where load can start to show; even then, pressure counts only when database CPU stays at ${DB_PRESSURE_CPU_PERCENT}% or more, and the answer is a bigger instance before any sharding.`
      : `You expect ${grouped(users)} monthly active users at 12 months, below the ${grouped(DB_PRESSURE_ACTIVE_USERS)} where database load usually starts to matter, so one instance is enough and sharding is not on the table.`
  return because('database.no_sharding_before_measurement', ['load.activeUsersIn12Months'], outlook)
}

function alternatives(a: Answers): Alternative[] {
  const kinds = a.data.kinds
  const extras = kinds.filter((k) => k in POSTGRES_FEATURE) as (keyof typeof POSTGRES_FEATURE)[]
  const mysqlWhyNot =
    extras.length > 0
      ? `A dependable relational database too, but your ${listPhrase(extras.map((k) => POSTGRES_FEATURE[k][0]))} data would lean on what Postgres has built in or as an extension (${listPhrase(extras.map((k) => POSTGRES_FEATURE[k][1]))}), so MySQL means separate stores sooner.`
      : 'A dependable relational database too; Postgres wins on what it adds later without a second store (JSONB, full-text search, pgvector, Timescale) and on its place as the default in most ORMs.'
  const list: Alternative[] = [{ id: 'mysql', name: 'MySQL', whyNot: mysqlWhyNot }]
  if (kinds.includes('documents')) {
    list.push({
      id: 'mongodb',
      name: 'MongoDB',
      whyNot: kinds.includes('relational')
        ? 'Your documents sit beside relational data; in MongoDB every relationship becomes a join written by hand in application code, and keeping the copies consistent is your job.'
        : 'JSONB columns already hold documents with indexes and SQL, and the accounts, billing and permissions every product grows are relational; in MongoDB those links become joins written in application code.',
    })
  }
  list.push(
    {
      id: 'redis',
      name: 'Redis as the primary store',
      whyNot:
        'Redis is a cache: it keeps data in memory, has no joins or ad-hoc queries, and durability is an add-on; records live in Postgres, and Redis may sit in front of a hot path once measurement asks for it.',
    },
    {
      id: 'sharded_postgres',
      name: 'Sharded Postgres',
      whyNot: `Nothing measured yet shows one instance running out. Scale the instance up first, then add read replicas and app instances; shard only after measuring query performance under real traffic (the signal: ${grouped(DB_PRESSURE_ACTIVE_USERS)}+ active users with database CPU at ${DB_PRESSURE_CPU_PERCENT}%+).`,
    },
  )
  return list
}

export const SUSTAINED_DB_PRESSURE: TriggerDef = {
  id: 'sustained_db_pressure',
  area: 'database',
  title: 'The database is under sustained load',
  metric: 'active_users',
  comparator: '>=',
  threshold: DB_PRESSURE_ACTIVE_USERS,
  alsoRequires: [{ metric: 'db_cpu_percent', comparator: '>=', threshold: DB_PRESSURE_CPU_PERCENT }],
  action:
    'Move to a larger database instance first; if load keeps climbing, add read replicas and more app instances; consider sharding only after measuring query performance under real traffic and finding a single primary still falls short.',
  guide: 'migration-triggers',
}

export const database: AreaRules = {
  area: 'database',
  decide(a, catalog) {
    const placed = placeDatabase(a, catalog, wantsTimescale(a))
    const reasons = [
      postgresCoversEverything(),
      kindsFitOneDatabase(a),
      hostingAndOps(a, placed),
      dataVolume(a),
      readWriteProfile(a),
      noShardingYet(a),
      ...(placed.because ? [placed.because] : []),
    ]
    return {
      area: 'database',
      title: 'Primary database',
      choice: {
        id: 'postgres',
        name: `PostgreSQL on ${databaseName(placed.vendor)}${placed.plan === 'scale' ? ' (Scale plan)' : ''}`,
        vendor: placed.vendor,
        ...(placed.plan ? { requires: { plan: placed.plan, agreements: ['baa'] } } : {}),
      },
      status: 'adopt',
      because: reasons,
      alternatives: alternatives(a),
      revisitWhen: [SUSTAINED_DB_PRESSURE.id],
      guide: 'databases',
    }
  },
  triggers: [SUSTAINED_DB_PRESSURE],
}
