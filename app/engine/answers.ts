import { z } from 'zod'

/**
 * Answers, schema version 1: one filled feasibility lens.
 *
 * This schema is the single source of truth for the contract outlined in
 * DESIGN.md. Optional fields take the defaults documented beside them
 * (`.describe()` text is also what the API description and the CLI print).
 * Unknown keys are rejected at every level. Lists are de-duplicated and put in
 * the order of their vocabulary, so the same set of choices always gives the
 * same brief, byte for byte.
 */

export const PRODUCT_SHAPES = [
  'b2b_saas',
  'consumer',
  'marketplace',
  'internal_tool',
  'api_platform',
  'ecommerce',
  'content_media',
  'data_product',
  'ai_product',
  'iot',
] as const
export const SELLS_TO = ['individuals', 'organizations', 'both'] as const
export const CLIENTS = ['web', 'mobile', 'public_api', 'partner_integrations'] as const
export const REALTIME = ['none', 'some', 'core'] as const
export const LANGUAGES = [
  'typescript',
  'javascript',
  'ruby',
  'python',
  'go',
  'java',
  'kotlin',
  'php',
  'elixir',
  'csharp',
  'rust',
  'other',
] as const
export const OPS_EXPERIENCE = ['none', 'some', 'dedicated'] as const
export const READ_WRITE_PROFILES = ['read_heavy', 'balanced', 'write_heavy'] as const
export const DATA_KINDS = ['relational', 'documents', 'timeseries', 'vectors', 'search', 'files'] as const
export const REGIMES = ['gdpr', 'hipaa', 'soc2', 'pci_dss', 'ccpa', 'dpdp'] as const
export const RESIDENCY_REGIONS = ['us', 'eu', 'uk', 'india', 'canada', 'australia', 'brazil', 'other'] as const
export const MARKETS = ['us', 'eu', 'uk', 'india', 'latam', 'apac', 'africa', 'global'] as const
export const IDENTITY_MODELS = [
  'personal',
  'organizations',
  'organizations_with_teams',
  'multi_org_membership',
] as const
export const PAYMENT_MODELS = ['none', 'one_time', 'subscriptions', 'usage_based', 'marketplace_payouts'] as const
export const HOSTING = ['managed_paas', 'cloud_provider', 'self_hosted', 'no_preference'] as const

/** A set of choices from a fixed vocabulary: de-duplicated and in vocabulary order. */
function choiceSet<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values)).transform((picked): T[number][] => values.filter((v) => picked.includes(v)))
}

const count = z.number().int().min(0)
const amount = z.number().finite().min(0)

/**
 * The largest figures the engine can price while every cost stays a safe
 * integer number of cents. Far past any first product; a figure above one is
 * a typo, and saying so beats a brief of Infinity.
 */
export const FIGURE_LIMITS = {
  activeUsers: 10_000_000_000,
  peakRequestsPerSecond: 100_000_000,
  dataVolumeGb: 1_000_000_000,
  longestTaskSeconds: 10_000_000,
  timeseriesEventsPerSecond: 1_000_000_000,
  vectorCount: 1_000_000_000_000,
  monthlyInfraUsd: 1_000_000_000,
} as const

/** The words a figure over its limit is answered with, in units and with separators, as a person reads it. */
function atMost(limit: number, unit: string, whole = false) {
  return { error: `${whole ? 'a whole number' : 'a number'} of at most ${limit.toLocaleString('en-US')} ${unit}` }
}

export const ProductSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).describe('Product name, 1 to 120 characters.'),
  summary: z.string().trim().max(500).optional().describe('The one thing the first release must prove. Optional.'),
  shape: z.enum(PRODUCT_SHAPES),
  sellsTo: z.enum(SELLS_TO),
  clients: choiceSet(CLIENTS)
    .pipe(z.array(z.enum(CLIENTS)).min(1))
    .default(['web'])
    .describe('Who calls the backend. Default: [web].'),
  realtime: z.enum(REALTIME).default('none').describe('Live updates pushed to users. Default: none.'),
})

export const TeamSchema = z
  .strictObject({
    engineers: z
      .number()
      .int()
      .min(1)
      .max(10_000, atMost(10_000, 'engineers', true))
      .describe('Engineers now.'),
    engineersIn12Months: z
      .number()
      .int()
      .min(1)
      .max(10_000, atMost(10_000, 'engineers', true))
      .optional()
      .describe('Engineers expected in 12 months. Default: the same as now.'),
    languages: choiceSet(LANGUAGES)
      .pipe(z.array(z.enum(LANGUAGES)).min(1))
      .describe('Languages the team already ships in, at least one.'),
    opsExperience: z
      .enum(OPS_EXPERIENCE)
      .default('none')
      .describe('Experience running servers and databases. Default: none.'),
  })
  .transform((team) => ({ ...team, engineersIn12Months: team.engineersIn12Months ?? team.engineers }))

export const LoadSchema = z
  .strictObject({
    activeUsersAtLaunch: count
      .max(FIGURE_LIMITS.activeUsers, atMost(FIGURE_LIMITS.activeUsers, 'users', true))
      .describe('Monthly active users at launch.'),
    activeUsersIn12Months: count
      .max(FIGURE_LIMITS.activeUsers, atMost(FIGURE_LIMITS.activeUsers, 'users', true))
      .describe('Monthly active users expected 12 months after launch.'),
    peakRequestsPerSecond: amount
      .max(FIGURE_LIMITS.peakRequestsPerSecond, atMost(FIGURE_LIMITS.peakRequestsPerSecond, 'requests per second'))
      .optional()
      .describe(
        'Peak requests per second at 12 months. Default: one per second for every 1,000 monthly active users at 12 months (at least 1).',
      ),
    readWriteProfile: z
      .enum(READ_WRITE_PROFILES)
      .default('read_heavy')
      .describe('Most products read far more than they write. Default: read_heavy.'),
    dataVolumeGbIn12Months: amount
      .max(FIGURE_LIMITS.dataVolumeGb, atMost(FIGURE_LIMITS.dataVolumeGb, 'GB'))
      .default(5)
      .describe('Database size after 12 months, in GB. Default: 5.'),
    longestTaskSeconds: amount
      .max(FIGURE_LIMITS.longestTaskSeconds, atMost(FIGURE_LIMITS.longestTaskSeconds, 'seconds'))
      .default(2)
      .describe('Longest unit of work one request or event starts, in seconds. Default: 2.'),
    scheduledWork: z.boolean().default(false).describe('Work that runs on a schedule. Default: false.'),
    fanOut: z.boolean().default(false).describe('One event must reach many handlers. Default: false.'),
    needsRetries: z
      .boolean()
      .default(false)
      .describe('Work that needs retries with backoff and dead letters. Default: false.'),
  })
  .transform((load) => ({
    ...load,
    peakRequestsPerSecond: load.peakRequestsPerSecond ?? estimatePeakRequestsPerSecond(load.activeUsersIn12Months),
  }))

export function estimatePeakRequestsPerSecond(activeUsers: number): number {
  return Math.max(1, Math.ceil(activeUsers / 1000))
}

export const DataSchema = z.strictObject({
  kinds: choiceSet(DATA_KINDS)
    .pipe(z.array(z.enum(DATA_KINDS)).min(1))
    .default(['relational'])
    .describe('Kinds of data the product keeps. Default: [relational].'),
  timeseriesEventsPerSecond: amount
    .max(FIGURE_LIMITS.timeseriesEventsPerSecond, atMost(FIGURE_LIMITS.timeseriesEventsPerSecond, 'events per second'))
    .default(0)
    .describe('Sustained time-series events written per second at 12 months; read only with timeseries. Default: 0.'),
  vectorCount: count
    .max(FIGURE_LIMITS.vectorCount, atMost(FIGURE_LIMITS.vectorCount, 'embeddings', true))
    .default(0)
    .describe('Embeddings stored at 12 months; read only with vectors. Default: 0.'),
  auditTrail: z.boolean().default(false).describe('An audit trail of who changed what is required. Default: false.'),
})

export const ComplianceSchema = z.strictObject({
  regimes: choiceSet(REGIMES).default([]).describe('Regulatory regimes that apply. Default: none.'),
  dataResidency: choiceSet(RESIDENCY_REGIONS).default([]).describe('Regions the data must stay in. Default: none.'),
  markets: choiceSet(MARKETS)
    .pipe(z.array(z.enum(MARKETS)).min(1))
    .default(['global'])
    .describe('Where paying users are, at least one. Default: [global].'),
  identity: z
    .enum(IDENTITY_MODELS)
    .default('personal')
    .describe(
      'How accounts relate: personal, organizations, teams, several organizations per user. Default: personal.',
    ),
  enterpriseSso: z
    .boolean()
    .default(false)
    .describe('Customers will require SAML/OIDC single sign-on. Default: false.'),
  payments: z.enum(PAYMENT_MODELS).default('none').describe('How users pay. Default: none.'),
})

export const BudgetSchema = z.strictObject({
  monthlyInfraUsd: amount
    .max(FIGURE_LIMITS.monthlyInfraUsd, atMost(FIGURE_LIMITS.monthlyInfraUsd, 'US dollars a month'))
    .describe('Monthly infrastructure budget in US dollars.'),
  hosting: z.enum(HOSTING).default('no_preference').describe('Where the team wants to run it. Default: no_preference.'),
  weeksToLaunch: z
    .number()
    .int()
    .min(1)
    .max(520, atMost(520, 'weeks', true))
    .default(12)
    .describe('Weeks until first launch. Default: 12.'),
})

export const AnswersSchema = z.strictObject({
  version: z.literal(1),
  product: ProductSchema,
  team: TeamSchema,
  load: LoadSchema,
  data: DataSchema.prefault({}).describe('Omit the whole section to take every default.'),
  compliance: ComplianceSchema.prefault({}).describe('Omit the whole section to take every default.'),
  budget: BudgetSchema,
})

/** Answers as written by a person or a client: optional fields may be missing. */
export type AnswersInput = z.input<typeof AnswersSchema>
/** Answers after parsing: every default filled in, lists canonical. */
export type Answers = z.output<typeof AnswersSchema>

/** Every leaf an answer can be read from; a rule's `inputs` name these. */
export const ANSWER_PATHS = [
  'product.name',
  'product.summary',
  'product.shape',
  'product.sellsTo',
  'product.clients',
  'product.realtime',
  'team.engineers',
  'team.engineersIn12Months',
  'team.languages',
  'team.opsExperience',
  'load.activeUsersAtLaunch',
  'load.activeUsersIn12Months',
  'load.peakRequestsPerSecond',
  'load.readWriteProfile',
  'load.dataVolumeGbIn12Months',
  'load.longestTaskSeconds',
  'load.scheduledWork',
  'load.fanOut',
  'load.needsRetries',
  'data.kinds',
  'data.timeseriesEventsPerSecond',
  'data.vectorCount',
  'data.auditTrail',
  'compliance.regimes',
  'compliance.dataResidency',
  'compliance.markets',
  'compliance.identity',
  'compliance.enterpriseSso',
  'compliance.payments',
  'budget.monthlyInfraUsd',
  'budget.hosting',
  'budget.weeksToLaunch',
] as const
export type AnswerPath = (typeof ANSWER_PATHS)[number]

/** Reads the value at an answer path, for explanations and appendices. */
export function readAnswer(answers: Answers, path: AnswerPath): unknown {
  const [section, field] = path.split('.') as [keyof Answers, string]
  const group = answers[section]
  return typeof group === 'object' && group !== null ? (group as Record<string, unknown>)[field] : undefined
}
