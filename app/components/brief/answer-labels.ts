import { formatList, formatNumber, formatUsd } from '#app/components/format.ts'
import type {
  AnswerPath,
  Answers,
  CLIENTS,
  DATA_KINDS,
  HOSTING,
  IDENTITY_MODELS,
  LANGUAGES,
  MARKETS,
  OPS_EXPERIENCE,
  PAYMENT_MODELS,
  PRODUCT_SHAPES,
  READ_WRITE_PROFILES,
  REALTIME,
  REGIMES,
  RESIDENCY_REGIONS,
  SELLS_TO,
  SENSITIVE_DATA,
} from '#app/engine/answers.ts'
import type {
  Area,
  Band,
  Comparator,
  DECISION_STATUSES,
  Metric,
  Risk,
  SEVERITIES,
  TRIGGER_STATUSES,
} from '#app/engine/brief.ts'
import { readAnswer } from '#app/engine/read-answer.ts'

/**
 * Answers and brief vocabulary in words. Pure and shared by every page and
 * export that shows a brief, so an id never reaches a reader as `b2b_saas`.
 * Only types come from the engine: its modules build zod schemas, which have
 * no business in the browser bundle. The Record types keep these lists
 * complete when the vocabulary grows.
 */

export const BANDS: readonly Band[] = ['lean', 'moderate', 'scaled']
export const SEVERITY_ORDER: readonly Risk['severity'][] = ['high', 'medium', 'low']

type Words<T extends readonly string[]> = Record<T[number], string>

export const SHAPE_LABELS: Words<typeof PRODUCT_SHAPES> = {
  b2b_saas: 'B2B SaaS',
  consumer: 'Consumer app',
  marketplace: 'Marketplace',
  internal_tool: 'Internal tool',
  api_platform: 'API platform',
  ecommerce: 'E-commerce',
  content_media: 'Content and media',
  data_product: 'Data product',
  ai_product: 'AI product',
  iot: 'IoT',
}

const SELLS_TO_LABELS: Words<typeof SELLS_TO> = {
  individuals: 'Individuals',
  organizations: 'Organizations',
  both: 'Individuals and organizations',
}

const CLIENT_LABELS: Words<typeof CLIENTS> = {
  web: 'Web app',
  mobile: 'Mobile app',
  public_api: 'Public API',
  partner_integrations: 'Partner integrations',
}

const REALTIME_LABELS: Words<typeof REALTIME> = {
  none: 'None',
  some: 'In some places',
  core: 'Core to the product',
}

const LANGUAGE_LABELS: Words<typeof LANGUAGES> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  ruby: 'Ruby',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  kotlin: 'Kotlin',
  php: 'PHP',
  elixir: 'Elixir',
  csharp: 'C#',
  rust: 'Rust',
  other: 'Other',
}

const OPS_LABELS: Words<typeof OPS_EXPERIENCE> = {
  none: 'None',
  some: 'Some',
  dedicated: 'A dedicated person',
}

const READ_WRITE_LABELS: Words<typeof READ_WRITE_PROFILES> = {
  read_heavy: 'Mostly reads',
  balanced: 'Balanced',
  write_heavy: 'Mostly writes',
}

const DATA_KIND_LABELS: Words<typeof DATA_KINDS> = {
  relational: 'Relational',
  documents: 'Documents',
  timeseries: 'Time series',
  vectors: 'Vectors (embeddings)',
  search: 'Full-text search',
  files: 'Files',
}

const SENSITIVE_LABELS: Words<typeof SENSITIVE_DATA> = {
  health: 'Health',
  payment_card: 'Payment card',
  financial: 'Financial',
  children: "Children's",
  biometric: 'Biometric',
}

const REGIME_LABELS: Words<typeof REGIMES> = {
  gdpr: 'GDPR',
  hipaa: 'HIPAA',
  soc2: 'SOC 2',
  pci_dss: 'PCI DSS',
  ccpa: 'CCPA',
  dpdp: 'DPDP',
  rbi: 'RBI payment data localisation',
}

const RESIDENCY_LABELS: Words<typeof RESIDENCY_REGIONS> = {
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  india: 'India',
  canada: 'Canada',
  australia: 'Australia',
  brazil: 'Brazil',
  singapore: 'Singapore',
  other: 'Other',
}

const MARKET_LABELS: Words<typeof MARKETS> = {
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  india: 'India',
  latam: 'Latin America',
  apac: 'Asia-Pacific',
  africa: 'Africa',
  global: 'Global',
}

const IDENTITY_LABELS: Words<typeof IDENTITY_MODELS> = {
  personal: 'Personal accounts',
  organizations: 'Organizations',
  organizations_with_teams: 'Organizations with teams',
  multi_org_membership: 'Users in several organizations',
}

const PAYMENT_LABELS: Words<typeof PAYMENT_MODELS> = {
  none: 'None',
  one_time: 'One-time purchases',
  subscriptions: 'Subscriptions',
  usage_based: 'Usage-based billing',
  marketplace_payouts: 'Marketplace payouts',
}

const HOSTING_LABELS: Words<typeof HOSTING> = {
  managed_paas: 'Managed platform (PaaS)',
  cloud_provider: 'Cloud provider',
  self_hosted: 'Self-hosted',
  no_preference: 'No preference',
}

const yesNo = (value: unknown) => (value ? 'Yes' : 'No')
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : 'Not given')
const amount = (unit: string) => (value: unknown) =>
  typeof value === 'number' ? `${formatNumber(value)}${unit ? ` ${unit}` : ''}` : 'Not given'
const one =
  <T extends string>(words: Record<T, string>) =>
  (value: unknown) =>
    words[value as T] ?? String(value)
const many =
  <T extends string>(words: Record<T, string>, empty = 'None') =>
  (value: unknown) =>
    formatList(
      (Array.isArray(value) ? value : []).map((v) => words[v as T] ?? String(v)),
      empty,
    )

interface AnswerLabel {
  label: string
  format(value: unknown): string
}

export const ANSWER_LABELS: Record<AnswerPath, AnswerLabel> = {
  'product.name': { label: 'Product', format: text },
  'product.summary': { label: 'What the first release must prove', format: text },
  'product.shape': { label: 'Product shape', format: one(SHAPE_LABELS) },
  'product.sellsTo': { label: 'Sells to', format: one(SELLS_TO_LABELS) },
  'product.clients': { label: 'Clients', format: many(CLIENT_LABELS) },
  'product.realtime': { label: 'Real-time updates', format: one(REALTIME_LABELS) },
  'team.engineers': { label: 'Engineers now', format: amount('') },
  'team.engineersIn12Months': { label: 'Engineers in 12 months', format: amount('') },
  'team.languages': { label: 'Languages the team ships in', format: many(LANGUAGE_LABELS) },
  'team.opsExperience': { label: 'Operations experience', format: one(OPS_LABELS) },
  'load.activeUsersAtLaunch': { label: 'Monthly active users at launch', format: amount('') },
  'load.activeUsersIn12Months': { label: 'Monthly active users in 12 months', format: amount('') },
  'load.peakRequestsPerSecond': { label: 'Peak load', format: amount('requests/s') },
  'load.readWriteProfile': { label: 'Read/write profile', format: one(READ_WRITE_LABELS) },
  'load.dataVolumeGbIn12Months': { label: 'Database size in 12 months', format: amount('GB') },
  'load.longestTaskSeconds': { label: 'Longest task', format: amount('s') },
  'load.scheduledWork': { label: 'Scheduled work', format: yesNo },
  'load.fanOut': { label: 'One event reaches many handlers', format: yesNo },
  'load.needsRetries': { label: 'Work that needs retries', format: yesNo },
  'load.similarityQueriesPerSecond': { label: 'Similarity searches', format: amount('queries/s') },
  'load.ingestEventsPerSecond': { label: 'Events sent by devices or systems', format: amount('events/s') },
  'data.kinds': { label: 'Kinds of data', format: many(DATA_KIND_LABELS) },
  'data.timeseriesEventsPerSecond': { label: 'Time-series events', format: amount('events/s') },
  'data.vectorCount': { label: 'Stored embeddings', format: amount('') },
  'data.auditTrail': { label: 'Audit trail required', format: yesNo },
  'data.sensitive': { label: 'Regulated data held', format: many(SENSITIVE_LABELS, 'None') },
  'data.fileStorageGbIn12Months': { label: 'Files stored in 12 months', format: amount('GB') },
  'data.timeseriesRetentionDays': { label: 'Time-series retention', format: amount('days') },
  'data.vectorDimensions': { label: 'Embedding dimensions', format: amount('') },
  'compliance.regimes': { label: 'Regulatory regimes', format: many(REGIME_LABELS) },
  'compliance.dataResidency': { label: 'Data must stay in', format: many(RESIDENCY_LABELS, 'No requirement') },
  'compliance.markets': { label: 'Paying markets', format: many(MARKET_LABELS) },
  'compliance.identity': { label: 'Account model', format: one(IDENTITY_LABELS) },
  'compliance.enterpriseSso': { label: 'Enterprise single sign-on', format: yesNo },
  'compliance.payments': { label: 'Payments', format: one(PAYMENT_LABELS) },
  'budget.monthlyInfraUsd': {
    label: 'Monthly infrastructure budget',
    format: (value) => (typeof value === 'number' ? formatUsd(Math.round(value * 100)) : 'Not given'),
  },
  'budget.hosting': { label: 'Hosting preference', format: one(HOSTING_LABELS) },
  'budget.weeksToLaunch': { label: 'Weeks to launch', format: amount('') },
  'ai.llmCallsPerActiveUserPerMonth': { label: 'Language model calls per user per month', format: amount('') },
  'ai.tokensPerCall': { label: 'Tokens per call', format: amount('') },
  'ai.embeddingsPerMonth': { label: 'Embeddings made per month', format: amount('') },
  'operations.uptimeTarget': { label: 'Uptime target', format: (v) => (typeof v === 'string' ? `${v}%` : 'Not given') },
  'operations.restoreWithinHours': { label: 'Restore within', format: amount('hours') },
  'operations.maxDataLossMinutes': { label: 'Most data that may be lost', format: amount('minutes') },
  overrides: {
    label: 'Decisions overridden by a person',
    format: (value) => formatList(Array.isArray(value) ? value.map(String) : [], 'None'),
  },
}

/** Every answer path, in questionnaire order. */
export const ANSWER_PATH_ORDER = Object.keys(ANSWER_LABELS) as AnswerPath[]

export function readAnswerValue(answers: Answers, path: AnswerPath): unknown {
  return readAnswer(answers, path)
}

/** "Longest task: 180 s": one answer in words, as a reason cites it. */
export function describeAnswer(answers: Answers, path: AnswerPath): { label: string; value: string } {
  const entry = ANSWER_LABELS[path]
  return { label: entry.label, value: entry.format(readAnswerValue(answers, path)) }
}

export const ANSWER_SECTIONS: readonly { id: keyof Answers; title: string }[] = [
  { id: 'product', title: 'Product' },
  { id: 'team', title: 'Team' },
  { id: 'load', title: 'Load' },
  { id: 'data', title: 'Data' },
  { id: 'compliance', title: 'Compliance and identity' },
  { id: 'budget', title: 'Budget' },
]

export const AREA_LABELS: Record<Area, string> = {
  repo: 'Repository',
  architecture_style: 'Architecture style',
  deploy_regions: 'Regions',
  hosting: 'Hosting',
  framework: 'Framework',
  database: 'Database',
  timeseries_store: 'Time-series data',
  vector_store: 'Vector search',
  document_store: 'Documents',
  search: 'Full-text search',
  file_storage: 'File storage',
  jobs: 'Background jobs',
  cache: 'Caching',
  auth: 'Authentication',
  payments: 'Payments',
  email: 'Email',
  observability: 'Observability',
  analytics: 'Analytics',
  api: 'API',
  tenancy: 'Tenancy',
  realtime: 'Live updates',
  ingestion: 'Event ingestion',
  llm: 'Language models',
}

export const DECISION_STATUS_LABELS: Words<typeof DECISION_STATUSES> = {
  adopt: 'Adopt',
  trial: 'Trial',
  defer: 'Defer',
  avoid: 'Avoid',
  not_applicable: 'Not needed',
}

export const TRIGGER_STATUS_LABELS: Words<typeof TRIGGER_STATUSES> = {
  ok: 'OK',
  approaching: 'Approaching',
  fired: 'Fired',
}

export const SEVERITY_LABELS: Words<typeof SEVERITIES> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
}

const COMPARATOR_WORDS: Record<Comparator, string> = {
  '>=': 'at least',
  '>': 'more than',
  '<=': 'at most',
  '<': 'less than',
}

const METRIC_LABELS: Record<Metric, string> = {
  active_users: 'Monthly active users',
  peak_rps: 'Peak requests per second',
  p95_latency_ms: 'p95 latency',
  db_cpu_percent: 'Database CPU (sustained)',
  db_size_gb: 'Database size',
  longest_job_seconds: 'Longest job duration',
  queue_depth: 'Jobs waiting',
  error_rate_percent: 'Error rate',
  engineers: 'Engineers on one service',
  monthly_infra_usd: 'Monthly infrastructure spend',
  vector_count: 'Stored embeddings',
  vector_query_p95_ms: 'Vector query p95 latency',
  timeseries_events_per_second: 'Time-series events per second',
  regions_required: 'Regions data must stay in',
}

export function metricLabel(metric: Metric): string {
  return METRIC_LABELS[metric]
}

/** "at least 10,000 users": a threshold in words. */
export function describeThreshold(comparator: Comparator, threshold: number, unit: string): string {
  return `${COMPARATOR_WORDS[comparator]} ${formatMeasure(threshold, unit)}`
}

const COUNTED_UNITS = new Set(['users', 'jobs', 'engineers', 'vectors', 'regions'])

export function formatMeasure(value: number, unit: string): string {
  if (unit === 'USD/month') return `${formatUsd(Math.round(value * 100))}/month`
  if (unit === '%') return `${formatNumber(value)}%`
  const counted = value === 1 && COUNTED_UNITS.has(unit) ? unit.slice(0, -1) : unit
  return `${formatNumber(value)} ${counted}`
}

const GUIDE_TITLES: Record<string, string> = {
  'default-stack': 'The default stack',
  databases: 'Databases',
  'auth-and-payments': 'Auth and payments',
  jobs: 'Background jobs',
  caching: 'Caching',
  'day-one': 'Day one',
  'tenants-and-apis': 'Tenants and APIs',
  observability: 'Observability',
  'migration-triggers': 'Migration triggers',
  'cost-bands': 'Cost bands',
}

/** A short name for a guide link; the slugs are a fixed vocabulary. */
export function guideTitle(slug: string): string {
  return GUIDE_TITLES[slug] ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())
}
