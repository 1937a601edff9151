import { SEARCH_REVIEW_DB_GB } from '#app/engine/rules/search.ts'
import { TIMESCALE_EVENTS_PER_SECOND } from '#app/engine/rules/timeseries-store.ts'
import { because } from '#app/engine/rules/types.ts'
import { LARGE_VECTOR_COUNT, VECTOR_QUERY_P95_MS } from '#app/engine/rules/vector-store.ts'
import { LANGUAGE_NAMES as NAMED_LANGUAGES } from '#app/vocabulary/names.ts'
import type { AnswerPath, Answers } from './answers.ts'
import { type Because, CRITERIA, type Criterion, type DatabaseRationale, type Decision } from './brief.ts'

/**
 * Why this database: every option worth comparing for these answers, scored
 * 1 to 5 on the five criteria of the feasibility lens (seed 002), each score
 * with one sentence tied to the answers. Options appear only when the answers
 * make them a real temptation: MySQL always (the other relational default),
 * MongoDB with documents, Timescale and InfluxDB with time-series, a vector
 * database with vectors, Elasticsearch with search, Redis with a read-heavy or
 * live-update product, and DynamoDB when the team chose a cloud provider,
 * since it is the managed store such teams are offered first.
 */

export const CRITERIA_DEFS: Record<Criterion, { name: string; question: string }> = {
  access_pattern_fit: {
    name: 'Access pattern fit',
    question:
      'Does the way the product writes and reads its data (transactions, relations, time ranges, similarity, text) suit this database?',
  },
  query_complexity_latency: {
    name: 'Query complexity and latency',
    question: 'Can it answer the joins, filters and aggregates the product needs, quickly enough for someone waiting?',
  },
  operational_burden: {
    name: 'Operational burden',
    question: 'How much work are backups, upgrades, scaling and recovery for this team, on the hosting it picked?',
  },
  team_familiarity: {
    name: 'Team familiarity',
    question: 'How soon can this team ship with it, given the languages and operations experience it already has?',
  },
  integration_fit: {
    name: 'Integration fit',
    question: "How well does it plug into the team's frameworks and ORMs and into analytics and pipeline tools?",
  },
}

export const MAX_TOTAL = CRITERIA.length * 5

type Language = Answers['team']['languages'][number]
type Kind = Answers['data']['kinds'][number]
type Rated = { score: number; text: string }

const LANGUAGE_NAMES: Record<Language, string> = { ...NAMED_LANGUAGES, other: 'other-language' }

/** The data libraries a team in each language reaches for first. */
const ORMS: Record<Language, string> = {
  typescript: 'Prisma, Drizzle, Kysely',
  javascript: 'Prisma, Knex',
  ruby: 'Active Record',
  python: 'the Django ORM, SQLAlchemy',
  go: 'pgx, sqlc',
  java: 'Hibernate, jOOQ',
  kotlin: 'Exposed, Hibernate',
  php: 'Eloquent, Doctrine',
  elixir: 'Ecto',
  csharp: 'Entity Framework Core',
  rust: 'sqlx, Diesel',
  other: 'standard SQL drivers',
}

/** How the kinds beyond plain rows are named in sentences ("your document and vector data"). */
const KIND_LABELS: Record<Kind, string> = {
  relational: 'relational',
  documents: 'document',
  timeseries: 'time-series',
  vectors: 'vector',
  search: 'search',
  files: 'file',
}

/** Ecosystems whose frameworks and guides treat Postgres as the default database. */
const POSTGRES_FIRST: readonly Language[] = ['typescript', 'javascript', 'ruby', 'python', 'go', 'elixir', 'rust']
/** Languages with mature MongoDB object mappers (Mongoose, Spring Data, the C# driver). */
const MONGO_MAPPERS: readonly Language[] = ['typescript', 'javascript', 'java', 'kotlin', 'csharp']
/** Languages with an official AWS SDK that teams commonly use against DynamoDB. */
const AWS_SDK_LANGUAGES: readonly Language[] = ['typescript', 'javascript', 'python', 'go', 'java', 'kotlin', 'csharp']

const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

const clamp = (n: number) => Math.max(1, Math.min(5, n))

/** What one rating reads from the answers, gathered once so each option's sentences stay specific. */
interface Context {
  kinds: readonly Kind[]
  relational: boolean
  timescale: boolean
  eps: number
  vectors: number
  peakRps: number
  profile: Answers['load']['readWriteProfile']
  realtime: Answers['product']['realtime']
  hosting: Answers['budget']['hosting']
  ops: Answers['team']['opsExperience']
  languages: readonly Language[]
  langs: string
}

const speaks = (c: Context, ...langs: Language[]) => c.languages.some((l) => langs.includes(l))
const selfHosted = (c: Context) => c.hosting === 'self_hosted'

/** "TypeScript: Prisma, Drizzle, Kysely; Python: the Django ORM, SQLAlchemy". */
function ormsOf(c: Context): string {
  const known = c.languages.filter((l) => l !== 'other').slice(0, 2)
  if (known.length === 0) return ORMS.other
  return known.map((l) => `${LANGUAGE_NAMES[l]}: ${ORMS[l]}`).join('; ')
}

const OPS_PHRASE: Record<Context['ops'], string> = {
  none: 'no one on the team has run a database before',
  some: 'the team has some operations experience',
  dedicated: 'the team has a dedicated operations engineer',
}

/** Running a second, unfamiliar store yourself: how much it hurts depends on who is on call. */
function selfRunScore(c: Context, withDedicated: number): number {
  return c.ops === 'dedicated' ? withDedicated : c.ops === 'some' ? withDedicated - 1 : withDedicated - 2
}

function postgresSelfHosted(c: Context): Rated {
  return {
    score: clamp(selfRunScore(c, 4)),
    text: `On your own servers the backups, upgrades and failover are yours to run, and ${OPS_PHRASE[c.ops]}.`,
  }
}

const POSTGRES_HOME: Record<Kind, (c: Context) => string> = {
  relational: () => 'relational rows',
  documents: () => 'JSONB documents',
  timeseries: (c) => (c.timescale ? 'Timescale hypertables' : 'time-partitioned tables'),
  vectors: () => 'pgvector embeddings',
  search: () => 'tsvector search',
  files: () => 'file metadata',
}

function postgresFamiliarity(c: Context): number {
  const base = speaks(c, ...POSTGRES_FIRST) ? 5 : 4
  return clamp(base + (c.ops === 'dedicated' ? 1 : 0))
}

interface OptionDef {
  id: string
  name: string
  rate: Record<Criterion, (c: Context) => Rated>
  verdict: (c: Context, total: number) => string
}

const POSTGRES: OptionDef = {
  id: 'postgres',
  name: 'PostgreSQL',
  rate: {
    access_pattern_fit: (c) => {
      const strained: string[] = []
      if (c.kinds.includes('vectors') && c.vectors >= LARGE_VECTOR_COUNT)
        strained.push(`${grouped(c.vectors)} embeddings call for an early benchmark`)
      if (c.kinds.includes('timeseries') && c.eps >= TIMESCALE_EVENTS_PER_SECOND && !c.timescale)
        strained.push(`${grouped(c.eps)} events per second want the Timescale extension`)
      const homes = listPhrase(c.kinds.map((k) => POSTGRES_HOME[k](c)))
      return {
        score: 5 - strained.length,
        text: `One engine holds every kind of data you listed: ${homes}${strained.length > 0 ? `, though ${listPhrase(strained)}` : ''}.`,
      }
    },
    query_complexity_latency: (c) => ({
      score: 5,
      text: `Joins, window functions and aggregates in one SQL query, with indexed lookups in milliseconds at the ${grouped(c.peakRps)} ${c.peakRps === 1 ? 'request' : 'requests'} per second you expect at peak.`,
    }),
    operational_burden: (c) =>
      selfHosted(c)
        ? postgresSelfHosted(c)
        : {
            score: 5,
            text:
              c.hosting === 'cloud_provider'
                ? 'Every major cloud runs managed Postgres with backups, point-in-time restore and failover built in.'
                : 'Every managed platform offers Postgres with automated backups and point-in-time restore.',
          },
    team_familiarity: (c) => ({
      score: postgresFamiliarity(c),
      text: speaks(c, ...POSTGRES_FIRST)
        ? `Postgres is the usual default for ${c.langs} teams, and ${OPS_PHRASE[c.ops]}.`
        : `${c.langs} teams use Postgres widely though not always first, and ${OPS_PHRASE[c.ops]}.`,
    }),
    integration_fit: (c) => ({
      score: 5,
      text: `The data libraries of your languages (${ormsOf(c)}) treat Postgres as a first-class target, and change-capture, BI and pipeline tools read from it directly.`,
    }),
  },
  verdict: (c, total) =>
    c.timescale
      ? `Chosen: Postgres with the Timescale extension on the time-series tables keeps all your data in one engine the team already knows, scoring ${total} of ${MAX_TOTAL}.`
      : `Chosen: one Postgres database covers every kind of data you listed and leaves room to grow without a second store, scoring ${total} of ${MAX_TOTAL}.`,
}

const specialKinds = (c: Context) =>
  c.kinds
    .filter((k) => k === 'documents' || k === 'timeseries' || k === 'vectors' || k === 'search')
    .map((k) => KIND_LABELS[k])

const MYSQL: OptionDef = {
  id: 'mysql',
  name: 'MySQL',
  rate: {
    access_pattern_fit: (c) => {
      const extras = specialKinds(c)
      return extras.length === 0
        ? { score: 5, text: 'Fits transactional, relational rows as well as Postgres does.' }
        : {
            score: clamp(5 - extras.length),
            text: `Fine for the relational rows, but your ${listPhrase(extras)} data would lean on features it has in a weaker form or not at all.`,
          }
    },
    query_complexity_latency: (c) =>
      specialKinds(c).length === 0
        ? {
            score: 4,
            text: 'Strong joins and fast indexed lookups, but no partial indexes and no transactional schema changes, both of which Postgres has.',
          }
        : {
            score: 4,
            text: 'Good at joins and indexed lookups, with fewer index types than Postgres for JSON, text and similarity queries.',
          },
    operational_burden: (c) =>
      selfHosted(c)
        ? postgresSelfHosted(c)
        : c.hosting === 'cloud_provider'
          ? { score: 5, text: 'Every major cloud runs managed MySQL with backups and replicas built in.' }
          : {
              score: 4,
              text: 'Fewer managed platforms offer MySQL than Postgres, so it may mean a second provider beside your app host.',
            },
    team_familiarity: (c) =>
      speaks(c, 'php')
        ? { score: 5, text: 'MySQL has long been the default database of PHP teams.' }
        : {
            score: clamp(4 + (c.ops === 'dedicated' ? 1 : 0)),
            text: `${c.langs} teams know MySQL, but their frameworks and guides lean towards Postgres, and ${OPS_PHRASE[c.ops]}.`,
          },
    integration_fit: (c) =>
      speaks(c, 'php')
        ? {
            score: 4,
            text: 'Eloquent and Doctrine support it fully, but Postgres extensions such as pgvector and Timescale stay out of reach.',
          }
        : {
            score: 4,
            text: `The data libraries of your languages (${ormsOf(c)}) support it, but Postgres extensions such as pgvector and Timescale are out of reach.`,
          },
  },
  verdict: (c, total) => {
    const extras = specialKinds(c)
    const cost =
      extras.length > 0
        ? `your ${listPhrase(extras)} data would need separate stores sooner`
        : 'it gives up extensions you may want later'
    return speaks(c, 'php')
      ? `A fair choice for a PHP team at ${total} of ${MAX_TOTAL}, but ${cost}.`
      : `The other relational default, at ${total} of ${MAX_TOTAL}; worth it only if the team already runs it well, since ${cost}.`
  },
}

const MONGODB: OptionDef = {
  id: 'mongodb',
  name: 'MongoDB',
  rate: {
    access_pattern_fit: (c) =>
      c.relational
        ? {
            score: 2,
            text: 'Fits self-contained documents, but your relational data would have to be embedded or linked by hand.',
          }
        : { score: 4, text: 'Fits self-contained documents with flexible fields.' },
    query_complexity_latency: (c) =>
      c.relational
        ? {
            score: 2,
            text: 'Queries across collections need $lookup stages or several round trips, slower and clumsier than SQL joins.',
          }
        : {
            score: 4,
            text: 'Fast reads of whole documents by key or indexed field, with aggregation pipelines for reports.',
          },
    operational_burden: (c) =>
      selfHosted(c)
        ? {
            score: clamp(selfRunScore(c, 3)),
            text: `A replica set on your own servers is a second database to back up and upgrade, and ${OPS_PHRASE[c.ops]}.`,
          }
        : { score: 4, text: 'MongoDB Atlas runs it for you, as a second vendor and bill beside your host.' },
    team_familiarity: (c) =>
      speaks(c, 'typescript', 'javascript')
        ? {
            score: 4,
            text: 'Common in JavaScript and TypeScript teams, though modelling for it is a different discipline from SQL.',
          }
        : {
            score: 3,
            text: `Less common in ${c.langs} teams, and modelling for it is a different discipline from SQL.`,
          },
    integration_fit: (c) =>
      speaks(c, ...MONGO_MAPPERS)
        ? {
            score: 3,
            text: 'Mature object mappers exist for your languages, but analytics and BI tools need the documents flattened first.',
          }
        : {
            score: 2,
            text: `The main ${c.langs} frameworks assume a SQL database, and analytics tools need the documents flattened first.`,
          },
  },
  verdict: (c, total) =>
    c.relational
      ? `Avoid for this product (${total} of ${MAX_TOTAL}): your data has relationships, and MongoDB would turn them into joins written in application code.`
      : `Not needed (${total} of ${MAX_TOTAL}): JSONB in Postgres holds documents without a second database; revisit only for schema-less data at a proven scale.`,
}

const TIMESCALE: OptionDef = {
  id: 'timescale',
  name: 'Timescale (Postgres extension)',
  rate: {
    access_pattern_fit: (c) => ({
      score: 5,
      text:
        c.eps > 0
          ? `Made for append-heavy, time-stamped rows like your ${grouped(c.eps)} events per second.`
          : 'Made for append-heavy, time-stamped rows.',
    }),
    query_complexity_latency: () => ({
      score: 5,
      text: 'Time-bucketed aggregates over long ranges stay fast with continuous aggregates, and it is still SQL with joins to product tables.',
    }),
    operational_burden: (c) =>
      selfHosted(c)
        ? postgresSelfHosted(c)
        : {
            score: 3,
            text: "Not every managed Postgres offers the extension, so it may mean moving the database to Timescale's own service.",
          },
    team_familiarity: (c) => ({
      score: clamp(postgresFamiliarity(c) - 1),
      text: 'The same Postgres underneath, plus hypertables, compression and retention policies to learn.',
    }),
    integration_fit: () => ({
      score: 4,
      text: 'Same drivers and ORMs as Postgres; hypertables and continuous aggregates live in SQL migrations the ORM does not model.',
    }),
  },
  verdict: (c, total) =>
    c.timescale
      ? `Adopted as an extension of the chosen Postgres database, not a separate system (${total} of ${MAX_TOTAL} on its own).`
      : `The next step for the time-series tables once ingest reaches ${grouped(TIMESCALE_EVENTS_PER_SECOND)} events per second; ${total} of ${MAX_TOTAL} today.`,
}

const INFLUXDB: OptionDef = {
  id: 'influxdb',
  name: 'InfluxDB',
  rate: {
    access_pattern_fit: (c) => {
      const others = c.kinds.filter((k) => k !== 'timeseries' && k !== 'files')
      return {
        score: c.relational ? 3 : 4,
        text:
          others.length > 0
            ? `Built for high-rate metric ingestion, but it holds only the time-series, not your ${listPhrase(others.map((k) => KIND_LABELS[k]))} data.`
            : 'Built for high-rate metric ingestion and little else.',
      }
    },
    query_complexity_latency: (c) => ({
      score: c.relational ? 2 : 3,
      text: 'Fast range aggregates, but no joins to product tables: a chart that names customers needs a second query elsewhere.',
    }),
    operational_burden: (c) =>
      selfHosted(c)
        ? {
            score: clamp(selfRunScore(c, 3)),
            text: `A second database on your own servers with its own backups and retention, and ${OPS_PHRASE[c.ops]}.`,
          }
        : {
            score: 3,
            text: 'A second database and vendor beside Postgres, with its own backups, retention and bill.',
          },
    team_familiarity: (c) =>
      c.ops === 'dedicated'
        ? {
            score: 3,
            text: 'Your operations engineer may know it from monitoring, but the product team would learn a new query language.',
          }
        : { score: 2, text: `A new query language and data model for a ${c.langs} team used to SQL.` },
    integration_fit: (c) => ({
      score: speaks(c, 'go') ? 3 : 2,
      text: 'A separate client and query language next to your ORM, and readings must be copied out to join product data or reach analytics.',
    }),
  },
  verdict: (c, total) =>
    `Not as a primary store (${total} of ${MAX_TOTAL}): measure whether Postgres${c.timescale ? ' with Timescale' : ''} breaks before adding a separate time-series database.`,
}

const DEDICATED_VECTOR_DB: OptionDef = {
  id: 'dedicated_vector_db',
  name: 'A dedicated vector database',
  rate: {
    access_pattern_fit: (c) => ({
      score: c.vectors >= LARGE_VECTOR_COUNT ? 5 : 4,
      text:
        c.vectors > 0
          ? `Purpose-built for similarity search over collections like your ${grouped(c.vectors)} embeddings, and nothing else.`
          : 'Purpose-built for similarity search, and nothing else.',
    }),
    query_complexity_latency: () => ({
      score: 3,
      text: 'Fast approximate nearest-neighbour queries, but tenant filters and joins depend on metadata copied into it.',
    }),
    operational_burden: (c) =>
      selfHosted(c)
        ? {
            score: clamp(selfRunScore(c, 3)),
            text: `Another cluster on your own servers to size, back up and upgrade, and ${OPS_PHRASE[c.ops]}.`,
          }
        : {
            score: 3,
            text: 'A hosted service is quick to start, but it is another vendor and another copy to keep in sync, deletions included.',
          },
    team_familiarity: (c) =>
      speaks(c, 'python')
        ? { score: 3, text: 'Common in Python AI tooling, but a new API and index model for the team to learn.' }
        : { score: 2, text: `A new API and index model for a ${c.langs} team.` },
    integration_fit: (c) => ({
      score: speaks(c, 'python', 'typescript', 'javascript') ? 3 : 2,
      text: 'Client libraries exist, but every write must reach both Postgres and the vector store, and analytics cannot join across them.',
    }),
  },
  verdict: (_c, total) =>
    `Deferred (${total} of ${MAX_TOTAL}): pgvector first; move only when similarity searches measure a p95 above ${VECTOR_QUERY_P95_MS} ms under real load after tuning.`,
}

const ELASTICSEARCH: OptionDef = {
  id: 'elasticsearch',
  name: 'Elasticsearch / OpenSearch',
  rate: {
    access_pattern_fit: () => ({
      score: 3,
      text: 'Built for ranked text search with facets, but it is an index fed from the primary database, not a home for transactional writes.',
    }),
    query_complexity_latency: () => ({
      score: 3,
      text: 'Excellent relevance, facets and typo tolerance, but no transactions, and related data must be denormalised ahead of time.',
    }),
    operational_burden: (c) =>
      selfHosted(c)
        ? {
            score: c.ops === 'dedicated' ? 2 : 1,
            text: `A JVM cluster with shards, heap sizing and version upgrades on your own servers, and ${OPS_PHRASE[c.ops]}.`,
          }
        : {
            score: 3,
            text: 'Elastic Cloud or a managed OpenSearch service runs it, at a sizeable extra bill plus a sync pipeline to maintain.',
          },
    team_familiarity: (c) =>
      c.ops === 'dedicated'
        ? {
            score: 3,
            text: 'Your operations engineer may have run it before; the query DSL is new to most developers.',
          }
        : { score: 2, text: `Its query DSL and mapping rules are new ground for a ${c.langs} team.` },
    integration_fit: () => ({
      score: 3,
      text: 'Clients exist for every language, but keeping the index in step with Postgres needs a sync job or change-data capture.',
    }),
  },
  verdict: (_c, total) =>
    `Deferred (${total} of ${MAX_TOTAL}): Postgres full-text search first; add an engine fed from Postgres once the data passes ${SEARCH_REVIEW_DB_GB} GB and search is measurably slow.`,
}

/** What in the answers makes Redis look like a database: "a read-heavy load and live updates". */
function redisTemptation(c: Context, withPaths = false): string {
  const reasons: string[] = []
  if (c.profile === 'read_heavy') reasons.push(`a read-heavy load${withPaths ? '' : ''}`)
  if (c.realtime !== 'none') reasons.push(`live updates${withPaths ? '' : ''}`)
  return listPhrase(reasons)
}

const REDIS: OptionDef = {
  id: 'redis',
  name: 'Redis',
  rate: {
    access_pattern_fit: (c) => ({
      score: 2,
      text: `With ${redisTemptation(c)}, it fits as ${listPhrase([...(c.profile === 'read_heavy' ? ['a cache'] : []), ...(c.realtime !== 'none' ? ['a pub/sub channel'] : [])])} beside the database, not as the place records are kept.`,
    }),
    query_complexity_latency: () => ({
      score: 2,
      text: 'Sub-millisecond key lookups, but no joins, ad-hoc filters or aggregates: every query shape must be designed as a key in advance.',
    }),
    operational_burden: (c) => ({
      score: selfHosted(c) && c.ops === 'none' ? 1 : 2,
      text: 'Easy to run as a cache; as the store of record you must set up persistence, turn eviction off and size memory for all your data.',
    }),
    team_familiarity: (c) => ({
      score: 3,
      text: `${c.langs} developers usually know it as a cache; running it as the system of record is a different skill.`,
    }),
    integration_fit: () => ({
      score: 2,
      text: 'Every language has a client, but no ORM or analytics tool treats it as the source of record.',
    }),
  },
  verdict: (c, total) =>
    `Never the primary store (${total} of ${MAX_TOTAL}): keep it for a cache in front of a measured hot path${c.realtime !== 'none' ? ' or for fanning out live updates' : ''}.`,
}

const DYNAMODB: OptionDef = {
  id: 'dynamodb',
  name: 'DynamoDB',
  rate: {
    access_pattern_fit: (c) =>
      c.relational
        ? {
            score: 2,
            text: 'Fits key-value access at steady scale; relational data needs a single-table design worked out before the first write.',
          }
        : { score: 3, text: 'Fits key-value access at steady scale, if every access pattern is known up front.' },
    query_complexity_latency: () => ({
      score: 2,
      text: 'Single-digit millisecond reads by key at any scale, but each query must be planned as a key or index; no joins or ad-hoc reports.',
    }),
    operational_burden: () => ({
      score: 5,
      text: 'If your cloud is AWS, it is fully managed: no servers, versions or failover to look after.',
    }),
    team_familiarity: (c) =>
      c.ops === 'dedicated'
        ? {
            score: 3,
            text: 'Your operations engineer may know it, but single-table design and capacity modes are new for most developers.',
          }
        : {
            score: 2,
            text: 'Single-table design, capacity modes and access-pattern planning are new skills for most teams.',
          },
    integration_fit: (c) => ({
      score: speaks(c, ...AWS_SDK_LANGUAGES) ? 3 : 2,
      text: 'Reached through the AWS SDK rather than your ORM, and analytics needs exports to object storage first.',
    }),
  },
  verdict: (_c, total) =>
    `Not for a first product (${total} of ${MAX_TOTAL}): the hands-off operations are attractive, but fixed access patterns and no joins cost more while the product is still changing shape.`,
}

/** Fixed order, used to break ties so the same answers always list options the same way. */
const ORDER = [POSTGRES, MYSQL, MONGODB, TIMESCALE, INFLUXDB, DEDICATED_VECTOR_DB, ELASTICSEARCH, REDIS, DYNAMODB]

export function rateDatabases(a: Answers, decisions: readonly Decision[]): DatabaseRationale {
  const chosen = decisions.find((d) => d.area === 'database')?.choice.id ?? 'postgres'
  const timescale = decisions.find((d) => d.area === 'timeseries_store')?.choice.id === 'timescale'
  const kinds = a.data.kinds
  const hasKind = (k: Kind) => kinds.includes(k)
  const profile = a.load.readWriteProfile
  const realtime = a.product.realtime
  const hosting = a.budget.hosting
  const languages = a.team.languages
  const c: Context = {
    kinds,
    relational: hasKind('relational'),
    timescale,
    eps: hasKind('timeseries') ? a.data.timeseriesEventsPerSecond : 0,
    vectors: hasKind('vectors') ? a.data.vectorCount : 0,
    peakRps: a.load.peakRequestsPerSecond,
    profile,
    realtime,
    hosting,
    ops: a.team.opsExperience,
    languages,
    langs: listPhrase(languages.map((l) => LANGUAGE_NAMES[l])),
  }

  const reasons: Because[] = [
    because(
      'database_rationale.relational_defaults',
      [],
      'Postgres and MySQL are always compared, as the two default relational databases.',
    ),
  ]
  const options: OptionDef[] = [POSTGRES, MYSQL]
  if (hasKind('documents')) {
    options.push(MONGODB)
    reasons.push(
      because(
        'database_rationale.mongodb_for_documents',
        ['data.kinds'],
        'You keep documents, so MongoDB is rated against JSONB in Postgres.',
      ),
    )
  }
  if (hasKind('timeseries')) {
    options.push(TIMESCALE, INFLUXDB)
    reasons.push(
      because(
        'database_rationale.timeseries_options',
        ['data.kinds'],
        'You keep time-series data, so Timescale and InfluxDB are rated.',
      ),
    )
  }
  if (hasKind('vectors')) {
    options.push(DEDICATED_VECTOR_DB)
    reasons.push(
      because(
        'database_rationale.vector_option',
        ['data.kinds'],
        'You keep embeddings, so a dedicated vector database is rated against pgvector.',
      ),
    )
  }
  if (hasKind('search')) {
    options.push(ELASTICSEARCH)
    reasons.push(
      because(
        'database_rationale.search_option',
        ['data.kinds'],
        'You need search, so Elasticsearch and OpenSearch are rated against Postgres full-text search.',
      ),
    )
  }
  if (profile === 'read_heavy' || realtime !== 'none') {
    options.push(REDIS)
    reasons.push(
      because(
        'database_rationale.redis_when_reads_or_live',
        ['load.readWriteProfile', 'product.realtime'],
        `You expect ${redisTemptation(c, true)}, which is when Redis tends to be proposed as a database, so it is rated to show why it stays a cache.`,
      ),
    )
  }
  if (hosting === 'cloud_provider') {
    options.push(DYNAMODB)
    reasons.push(
      because(
        'database_rationale.dynamodb_on_cloud_provider',
        ['budget.hosting'],
        'You chose a cloud provider, where a fully managed key-value store such as DynamoDB is the first thing on offer, so it is rated.',
      ),
    )
  }

  const scoredFrom: AnswerPath[] = ['data.kinds']
  if (hasKind('timeseries')) scoredFrom.push('data.timeseriesEventsPerSecond')
  if (hasKind('vectors')) scoredFrom.push('data.vectorCount')
  scoredFrom.push(
    'load.peakRequestsPerSecond',
    'load.readWriteProfile',
    'product.realtime',
    'budget.hosting',
    'team.opsExperience',
    'team.languages',
  )
  reasons.push(
    because(
      'database_rationale.scored_from_answers',
      scoredFrom,
      `Each option is scored 1 to 5 on the five criteria from your data kinds and volumes, peak load, hosting, operations experience and languages; totals are out of ${MAX_TOTAL}.`,
    ),
    because(
      'database_rationale.chosen_from_decision',
      [],
      timescale
        ? 'The chosen database is the primary database decision, Postgres, carrying the Timescale extension the time-series decision adopted.'
        : 'The chosen database is the primary database decision, Postgres.',
    ),
  )

  const rated = options.map((o) => {
    const scores = CRITERIA.map((criterion) => ({ criterion, ...o.rate[criterion](c) }))
    const total = scores.reduce((sum, s) => sum + s.score, 0)
    return { id: o.id, name: o.name, scores, total, verdict: o.verdict(c, total) }
  })
  rated.sort(
    (x, y) => y.total - x.total || ORDER.findIndex((o) => o.id === x.id) - ORDER.findIndex((o) => o.id === y.id),
  )

  return {
    chosen,
    criteria: CRITERIA.map((id) => ({ id, ...CRITERIA_DEFS[id] })),
    options: rated,
    because: reasons,
  }
}
