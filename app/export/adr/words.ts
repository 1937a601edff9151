import { type AnswerPath, type Answers, readAnswer } from '#app/engine/answers.ts'
import type { Area } from '#app/engine/brief.ts'
import { formatCents, formatNumber } from '#app/export/markdown.ts'
import { LANGUAGE_NAMES } from '#app/vocabulary/names.ts'

/** The question each area's record answers, for its problem statement. */
export const AREA_QUESTIONS: Record<Area, string> = {
  repo: 'Should the code live in one repository or in several?',
  architecture_style: 'Should the product ship as one deployable or as separate services?',
  deploy_regions: 'How many regions should the product run in?',
  hosting: 'Where should the product run?',
  framework: 'Which web framework should the product be built with?',
  database: 'Which database should hold the data of record?',
  timeseries_store: 'Where should time-series data be written and queried?',
  vector_store: 'Where should embeddings be stored and searched?',
  document_store: 'Where should document-shaped data live?',
  search: 'How should search over the product’s data work?',
  file_storage: 'Where should uploaded and generated files be kept?',
  jobs: 'How should work that outlasts a request run?',
  cache: 'Should the product cache reads, and where?',
  auth: 'How should sign-in and accounts work?',
  payments: 'How should the product take money?',
  email: 'How should the product send transactional email?',
  observability: 'How will the team see what the product does in production?',
  analytics: 'How should usage be measured and reported?',
  api: 'What kind of API should the product expose?',
  tenancy: 'How should data be kept apart between customers?',
  realtime: 'How should live updates reach people?',
  ingestion: 'How should events from devices or other systems come in?',
  llm: 'Which language model should the product call, and how?',
}

/** Each answer path as a person would name it, for the inputs a decision read. */
export const ANSWER_LABELS: Record<AnswerPath, string> = {
  'product.name': 'Product name',
  'product.summary': 'What the first release must prove',
  'product.shape': 'Product shape',
  'product.sellsTo': 'Sells to',
  'product.clients': 'Clients',
  'product.realtime': 'Live updates',
  'team.engineers': 'Engineers now',
  'team.engineersIn12Months': 'Engineers in 12 months',
  'team.languages': 'Languages the team ships in',
  'team.opsExperience': 'Operations experience',
  'load.activeUsersAtLaunch': 'Monthly active users at launch',
  'load.activeUsersIn12Months': 'Monthly active users in 12 months',
  'load.peakRequestsPerSecond': 'Peak requests per second',
  'load.readWriteProfile': 'Read/write profile',
  'load.dataVolumeGbIn12Months': 'Data in 12 months',
  'load.longestTaskSeconds': 'Longest task',
  'load.scheduledWork': 'Scheduled work',
  'load.fanOut': 'Events that reach many handlers',
  'load.needsRetries': 'Work that needs retries',
  'load.similarityQueriesPerSecond': 'Similarity searches per second',
  'load.ingestEventsPerSecond': 'Events sent by devices or systems per second',
  'data.kinds': 'Kinds of data',
  'data.timeseriesEventsPerSecond': 'Time-series events per second',
  'data.vectorCount': 'Embeddings stored',
  'data.auditTrail': 'Audit trail required',
  'data.sensitive': 'Regulated data held',
  'data.fileStorageGbIn12Months': 'Files stored in 12 months',
  'data.timeseriesRetentionDays': 'Time-series retention',
  'data.vectorDimensions': 'Embedding dimensions',
  'compliance.regimes': 'Regulatory regimes',
  'compliance.dataResidency': 'Data residency',
  'compliance.markets': 'Markets',
  'compliance.identity': 'How accounts relate',
  'compliance.enterpriseSso': 'Enterprise single sign-on',
  'compliance.payments': 'How users pay',
  'budget.monthlyInfraUsd': 'Monthly infrastructure budget',
  'budget.hosting': 'Hosting preference',
  'budget.weeksToLaunch': 'Weeks to launch',
  'ai.llmCallsPerActiveUserPerMonth': 'Language model calls per user per month',
  'ai.tokensPerCall': 'Tokens per call',
  'ai.embeddingsPerMonth': 'Embeddings made per month',
  'operations.uptimeTarget': 'Uptime target',
  'operations.restoreWithinHours': 'Restore within',
  'operations.maxDataLossMinutes': 'Most data that may be lost',
  overrides: 'Decisions overridden by a person',
}

const UNITS: Partial<Record<AnswerPath, string>> = {
  'load.dataVolumeGbIn12Months': 'GB',
  'load.longestTaskSeconds': 's',
  'load.peakRequestsPerSecond': 'requests/s',
  'data.timeseriesEventsPerSecond': 'events/s',
  'budget.weeksToLaunch': 'weeks',
}

const SHAPES: Record<Answers['product']['shape'], string> = {
  b2b_saas: 'a B2B SaaS product',
  consumer: 'a consumer app',
  marketplace: 'a marketplace',
  internal_tool: 'an internal tool',
  api_platform: 'an API platform',
  ecommerce: 'an online shop',
  content_media: 'a content product',
  data_product: 'a data product',
  ai_product: 'an AI product',
  iot: 'a connected-device product',
}

const SELLS_TO: Record<Answers['product']['sellsTo'], string> = {
  individuals: 'individuals',
  organizations: 'organizations',
  both: 'individuals and organizations',
}

/**
 * An answer's value in words, as plain text (the caller escapes it): free text
 * as typed, ids as words, money in dollars, switches as yes or no.
 */
export function answerText(answers: Answers, path: AnswerPath): string {
  const value = readAnswer(answers, path)
  if (value === undefined || value === null || value === '') return 'not given'
  if (path === 'budget.monthlyInfraUsd' && typeof value === 'number') {
    return `${formatCents(Math.round(value * 100))} a month`
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') return UNITS[path] ? `${formatNumber(value)} ${UNITS[path]}` : formatNumber(value)
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => words(String(v))).join(', ')
  if (path === 'product.name' || path === 'product.summary') return String(value)
  return words(String(value))
}

const LANGUAGES: Record<Answers['team']['languages'][number], string> = { ...LANGUAGE_NAMES, other: 'another language' }

const CLIENTS: Record<Answers['product']['clients'][number], string> = {
  web: 'the web',
  mobile: 'mobile apps',
  public_api: 'a public API',
  partner_integrations: 'partner integrations',
}

/** Who the product is for and how big it gets, in three sentences of plain text. */
export function productSentences(answers: Answers): string[] {
  const { product, team, load } = answers
  const engineers = team.engineers === 1 ? '1 engineer builds' : `${formatNumber(team.engineers)} engineers build`
  return [
    `${product.name} is ${SHAPES[product.shape]} for ${SELLS_TO[product.sellsTo]}, used through ${joinAnd(product.clients.map((c) => CLIENTS[c]))}.`,
    `${engineers} it now and ${formatNumber(team.engineersIn12Months)} are expected in 12 months, shipping in ${joinAnd(team.languages.map((l) => LANGUAGES[l]))}; operations experience: ${words(team.opsExperience)}.`,
    `It expects ${formatNumber(load.activeUsersAtLaunch)} monthly active users at launch and ${formatNumber(load.activeUsersIn12Months)} after 12 months, at a peak of ${formatNumber(load.peakRequestsPerSecond)} requests per second, with about ${formatNumber(load.dataVolumeGbIn12Months)} GB of data.`,
  ]
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** A vocabulary id in words: `read_heavy` → `read heavy`. */
export function words(id: string): string {
  return id.replace(/_/g, ' ')
}

// Words our sentences open with that are not names, so "because" can run into them in lower case.
// Anything else (Postgres, HIPAA, a product's name) keeps its capital.
const COMMON_OPENERS = new Set(
  `a about accounts after an another any at avoid because before between both build card code confirm data
  each endpoints enterprise entries even every file files from if in it its keep mostly no nobody not nothing
  on once one only organizations paying reads replicas retries scheduled sellers separate ship sign-in some
  splitting that the there these this those three to track two until use when with without work you your`.split(/\s+/),
)

/** `Every endpoint…` → `every endpoint…`, but `Postgres…` stays: only known common words are lowered. */
export function lowerFirstWord(text: string): string {
  const first = /^[A-Z][a-z'-]*(?![A-Za-z])/.exec(text)?.[0]
  if (!first || !COMMON_OPENERS.has(first.toLowerCase())) return text
  return `${first[0].toLowerCase()}${text.slice(1)}`
}

/** The sentence without its closing full stop, to run on inside another one. */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/\.$/, '')
}

/** The opening sentence, for a line that should stay short; the drivers keep the rest. */
export function firstSentence(text: string): string {
  return text.split(/(?<=[a-z0-9)][.!?])\s+(?=[A-Z])/)[0]
}

/** Which day-one items show that a decision in an area holds; the checklist is the confirmation. */
export const DAY_ONE_AREAS: Readonly<Record<string, readonly Area[]>> = {
  data_model: ['database', 'document_store'],
  identity_model: ['auth', 'tenancy'],
  tenant_id: ['tenancy', 'database'],
  idempotency: ['payments', 'jobs', 'api'],
  observability: ['observability'],
  audit_log: ['database', 'auth'],
  versioned_api: ['api'],
  pagination: ['api'],
}
