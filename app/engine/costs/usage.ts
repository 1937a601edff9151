import type { Answers } from '#app/engine/answers.ts'
import { groupThousands } from '#app/engine/catalog.ts'

/**
 * The usage curve: month 1..12 of everything the plan is sized from. Users
 * grow from launch to month 12; traffic, event rates and queries follow the
 * month's share of month-12 users; stored data accumulates with use. Every
 * sizing and every trigger month reads these arrays, so they agree.
 */

export const MONTHS = 12
export const HOURS_PER_MONTH = 730
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600

/** What one monthly active user is assumed to cause. Stated in the brief's assumptions. */
export const PER_USER = {
  requestsPerMonth: 1000,
  responseKb: 30,
  telemetryKbPerRequest: 2,
  spansPerRequest: 5,
  emailsPerMonth: 5,
  fileGb: 0.05,
  uploadsPerMonth: 20,
  downloadsPerMonth: 100,
  downloadMb: 0.25,
  jobsPerMonth: 20,
  /** Calls to a language model a month, when the answers do not say. */
  llmCallsPerMonth: 30,
  /** Share of monthly active users connected at the busiest moment, for live updates. */
  concurrentShare: 0.05,
  /** Visits a month; a user's requests come in these, and a database that sleeps when idle wakes for them. */
  sessionsPerMonth: 20,
  sessionMinutes: 5,
} as const

/** Tokens in one model call when the answers do not say: a prompt with context and a short answer. */
export const TOKENS_PER_CALL = 2000
/** Of those tokens, the share read (prompt and context); the rest are written. */
export const INPUT_TOKEN_SHARE = 0.75
/** Tokens embedded per stored item or per query. */
export const TOKENS_PER_EMBEDDING = 500
/** Similarity queries per second when the answers do not say: one in ten peak requests searches. */
export const SIMILARITY_QUERY_SHARE = 0.1
export const DEFAULT_VECTOR_DIMENSIONS = 1536

export interface Usage {
  users: number[]
  /** Peak requests per second from users. */
  rps: number[]
  /** Requests per second from users averaged over the month, which usage-billed compute charges for. */
  averageRps: number[]
  dataGb: number[]
  /** Files kept in object storage: the answer's month-12 figure, growing like the data, or estimated per active user. */
  fileGb: number[]
  vectors: number[]
  /** Time-series rows written per second. */
  tsEvents: number[]
  /** Device or event ingestion per second, apart from user requests. */
  ingestEvents: number[]
  similarityQps: number[]
  engineers: number[]
  vectorDimensions: number
  llmCalls: number[]
  tokensPerCall: number
  embeddings: number[]
  /** Which figures the answers gave and which the engine estimated. */
  estimated: string[]
}

export function months(f: (m: number) => number): number[] {
  const out: number[] = []
  for (let m = 0; m < MONTHS; m++) out.push(f(m))
  return out
}

/**
 * Monthly active users for months 1..12: geometric between two positive
 * figures (steady growth or decline by the same ratio each month), a straight
 * line when either end is zero.
 */
export function usageCurve(launch: number, in12Months: number): number[] {
  const curve = months((m) =>
    launch > 0 && in12Months > 0
      ? Math.round(launch * (in12Months / launch) ** (m / (MONTHS - 1)))
      : Math.round(launch + ((in12Months - launch) * m) / (MONTHS - 1)),
  )
  curve[0] = launch
  curve[MONTHS - 1] = in12Months
  return curve
}

export function describeCurve(launch: number, target: number): string {
  const count = groupThousands
  if (launch === target) return `Monthly active users hold at ${count(launch)} for all twelve months.`
  if (launch > 0 && target > 0) {
    const rate = Math.abs((target / launch) ** (1 / (MONTHS - 1)) - 1) * 100
    const way = target > launch ? 'grow' : 'shrink'
    return `Monthly active users ${way} geometrically from ${count(launch)} at launch to ${count(target)} in month 12, by about ${rate.toFixed(1)}% a month.`
  }
  const way = target > launch ? 'grow' : 'fall'
  return `Monthly active users ${way} in a straight line from ${count(launch)} at launch to ${count(target)} in month 12.`
}

/** Optional figures of newer answers, read defensively so older answers price the same way. */
interface Optional {
  load?: { ingestEventsPerSecond?: number; similarityQueriesPerSecond?: number }
  data?: { vectorDimensions?: number; fileStorageGbIn12Months?: number }
  ai?: { llmCallsPerActiveUserPerMonth?: number; tokensPerCall?: number; embeddingsPerMonth?: number }
}

/**
 * Products whose events come from devices or other systems rather than from
 * people using them: an ingestion rate is given, or time-series events arrive
 * from devices (IoT) or faster than people make requests at peak, which
 * people using the app cannot account for.
 */
export function ingestsEvents(a: Answers): boolean {
  const o = a as Answers & Optional
  if ((o.load?.ingestEventsPerSecond ?? 0) > 0) return true
  const events = a.data.kinds.includes('timeseries') ? a.data.timeseriesEventsPerSecond : 0
  if (events <= 0) return false
  return a.product.shape === 'iot' || events > a.load.peakRequestsPerSecond
}

/** Products that call a language model. */
export function callsModels(a: Answers): boolean {
  const o = a as Answers & Optional
  return a.product.shape === 'ai_product' || o.ai !== undefined
}

export function usageOf(a: Answers): Usage {
  const o = a as Answers & Optional
  const estimated: string[] = []
  const users = usageCurve(a.load.activeUsersAtLaunch, a.load.activeUsersIn12Months)
  const last = users[MONTHS - 1]
  const share = (m: number) => (last > 0 ? users[m] / last : 1)
  // Data accumulates with usage: each month adds in proportion to its active users.
  const userMonths = users.reduce((s, u) => s + u, 0)
  let running = 0
  const grown = users.map((u, m) => {
    running += u
    return userMonths > 0 ? running / userMonths : (m + 1) / MONTHS
  })
  const filesIn12Months = o.data?.fileStorageGbIn12Months
  if (filesIn12Months === undefined && a.data.kinds.includes('files')) estimated.push('files')
  const vectorCount = a.data.kinds.includes('vectors') ? a.data.vectorCount : 0
  const tsEvents = a.data.kinds.includes('timeseries') ? a.data.timeseriesEventsPerSecond : 0
  let ingest = o.load?.ingestEventsPerSecond
  if (ingest === undefined && ingestsEvents(a)) {
    ingest = tsEvents
    estimated.push('ingestion')
  }
  let similarity = vectorCount > 0 ? o.load?.similarityQueriesPerSecond : 0
  if (similarity === undefined) {
    similarity = a.load.peakRequestsPerSecond * SIMILARITY_QUERY_SHARE
    estimated.push('similarity')
  }
  const models = callsModels(a)
  const callsPerUser = models ? (o.ai?.llmCallsPerActiveUserPerMonth ?? PER_USER.llmCallsPerMonth) : 0
  if (models && o.ai?.llmCallsPerActiveUserPerMonth === undefined) estimated.push('llm')
  const vectors = grown.map((g) => vectorCount * g)
  const similarityQps = months((m) => (similarity ?? 0) * share(m))
  // Embeddings a month: each new stored item, and each similarity query embeds its text.
  const embeddings = months((m) => {
    const given = o.ai?.embeddingsPerMonth
    if (given !== undefined) return given * share(m)
    const added = vectors[m] - (m > 0 ? vectors[m - 1] : 0)
    return added + similarityQps[m] * SECONDS_PER_MONTH * 0.1
  })
  const engineersNow = a.team.engineers
  const engineersLater = a.team.engineersIn12Months
  return {
    users,
    rps: months((m) => a.load.peakRequestsPerSecond * share(m)),
    averageRps: users.map((u) => (u * PER_USER.requestsPerMonth) / SECONDS_PER_MONTH),
    dataGb: grown.map((g) => a.load.dataVolumeGbIn12Months * g),
    fileGb:
      filesIn12Months !== undefined ? grown.map((g) => filesIn12Months * g) : users.map((u) => u * PER_USER.fileGb),
    vectors,
    tsEvents: months((m) => tsEvents * share(m)),
    ingestEvents: months((m) => (ingest ?? 0) * share(m)),
    similarityQps,
    engineers: months((m) => Math.round(engineersNow + ((engineersLater - engineersNow) * m) / (MONTHS - 1))),
    vectorDimensions: o.data?.vectorDimensions ?? DEFAULT_VECTOR_DIMENSIONS,
    llmCalls: users.map((u) => u * callsPerUser),
    tokensPerCall: o.ai?.tokensPerCall ?? TOKENS_PER_CALL,
    embeddings: vectorCount > 0 || models ? embeddings : months(() => 0),
    estimated,
  }
}
