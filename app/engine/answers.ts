import { z } from 'zod'
import { CHOICE_IDS } from './choice-ids.ts'

/**
 * Answers: one filled feasibility lens, schema version 2.
 *
 * This schema is the single source of truth for the contract outlined in
 * DESIGN.md. Version 1 files, drafts and stored revisions still load: they
 * are read by the version 1 schema and turned into version 2 by
 * `upgradeAnswers`, the one upgrade path. Optional fields take the defaults
 * documented beside them (`.describe()` text is also what the API description
 * and the CLI print). Unknown keys are rejected at every level. Lists are
 * de-duplicated and put in the order of their vocabulary, so the same set of
 * choices always gives the same brief, byte for byte; the team's languages
 * are the exception: their order is the team's (the first is the primary).
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
export const REGIMES_V1 = ['gdpr', 'hipaa', 'soc2', 'pci_dss', 'ccpa', 'dpdp'] as const
/** `rbi`: the Reserve Bank of India's rule that payment data is stored only in India. */
export const REGIMES = ['gdpr', 'hipaa', 'soc2', 'pci_dss', 'ccpa', 'dpdp', 'rbi'] as const
/** Kinds of regulated data the product holds. */
export const SENSITIVE_DATA = ['health', 'payment_card', 'financial', 'children', 'biometric'] as const
export const UPTIME_TARGETS = ['99', '99.5', '99.9', '99.95'] as const
export const RESIDENCY_REGIONS = [
  'us',
  'eu',
  'uk',
  'india',
  'canada',
  'australia',
  'brazil',
  'singapore',
  'other',
] as const
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

/** An ordered list of choices: de-duplicated, in the order given (the first one counts most). */
function orderedChoices<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values)).transform((picked): T[number][] => picked.filter((v, i) => picked.indexOf(v) === i))
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
  ingestEventsPerSecond: 1_000_000_000,
  similarityQueriesPerSecond: 100_000_000,
  vectorCount: 1_000_000_000_000,
  fileStorageGb: 1_000_000_000,
  llmCallsPerActiveUserPerMonth: 1_000_000,
  tokensPerCall: 10_000_000,
  embeddingsPerMonth: 1_000_000_000_000,
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
    languages: orderedChoices(LANGUAGES)
      .pipe(z.array(z.enum(LANGUAGES)).min(1))
      .describe('Languages the team already ships in, at least one; the first is the primary language.'),
    opsExperience: z
      .enum(OPS_EXPERIENCE)
      .default('none')
      .describe('Experience running servers and databases. Default: none.'),
  })
  // Fields in one order whether or not engineersIn12Months was given, so stored answers read back byte for byte.
  .transform((team) => ({
    engineers: team.engineers,
    engineersIn12Months: team.engineersIn12Months ?? team.engineers,
    languages: team.languages,
    opsExperience: team.opsExperience,
  }))

const LOAD_V1_FIELDS = {
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
    .optional()
    .describe(
      'Database size after 12 months, in GB. Optional: estimated when omitted from the users, time-series events, retention and audit trail.',
    ),
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
}

const LoadV1Schema = z.strictObject(LOAD_V1_FIELDS)

export const LoadSchema = z.strictObject({
  ...LOAD_V1_FIELDS,
  similarityQueriesPerSecond: amount
    .max(
      FIGURE_LIMITS.similarityQueriesPerSecond,
      atMost(FIGURE_LIMITS.similarityQueriesPerSecond, 'searches per second'),
    )
    .optional()
    .describe(
      'Similarity searches per second at peak, at 12 months; read only with vectors. Optional: estimated when omitted.',
    ),
  ingestEventsPerSecond: amount
    .max(FIGURE_LIMITS.ingestEventsPerSecond, atMost(FIGURE_LIMITS.ingestEventsPerSecond, 'events per second'))
    .optional()
    .describe(
      'Events per second that devices or other systems send at 12 months, apart from user requests. Optional: estimated when omitted.',
    ),
})

export function estimatePeakRequestsPerSecond(activeUsers: number): number {
  return Math.max(1, Math.ceil(activeUsers / 1000))
}

/** Records, with their indexes, that one monthly active user leaves in the database over a year. */
export const RECORD_MB_PER_USER = 2
/** One time-series reading with its share of the (series, time) index. */
export const BYTES_PER_READING = 50
/** Readings kept when no retention is given: the whole first year. */
export const DEFAULT_RETENTION_DAYS = 365
/** An audit trail adds a row for every change to the rows it watches. */
export const AUDIT_TRAIL_SHARE = 0.25

export interface DataVolumeEstimate {
  gb: number
  recordsGb: number
  readingsGb: number
  retentionDays: number
  auditGb: number
}

/**
 * The database size at 12 months when the answers give none: the users'
 * records, the time-series readings kept for the retention period at the
 * 12-month rate (an upper bound, since the rate grows through the year), and
 * the audit trail's share. Embeddings are sized apart, from their own count.
 */
export function estimateDataVolume(
  load: { activeUsersIn12Months: number },
  data: Pick<
    z.output<typeof DataSchema>,
    'kinds' | 'timeseriesEventsPerSecond' | 'timeseriesRetentionDays' | 'auditTrail'
  >,
): DataVolumeEstimate {
  const recordsGb = (load.activeUsersIn12Months * RECORD_MB_PER_USER) / 1000
  const eps = data.kinds.includes('timeseries') ? data.timeseriesEventsPerSecond : 0
  const retentionDays = Math.min(data.timeseriesRetentionDays ?? DEFAULT_RETENTION_DAYS, DEFAULT_RETENTION_DAYS)
  const readingsGb = (eps * 86_400 * retentionDays * BYTES_PER_READING) / 1e9
  const auditGb = data.auditTrail ? (recordsGb + readingsGb) * AUDIT_TRAIL_SHARE : 0
  const gb = Math.max(1, Math.ceil(recordsGb + readingsGb + auditGb))
  return { gb, recordsGb, readingsGb, retentionDays, auditGb }
}

const DATA_V1_FIELDS = {
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
}

const DataV1Schema = z.strictObject(DATA_V1_FIELDS)

export const DataSchema = z.strictObject({
  ...DATA_V1_FIELDS,
  sensitive: choiceSet(SENSITIVE_DATA)
    .default([])
    .describe(
      'Regulated kinds of data the product holds: health, payment_card, financial, children, biometric. Default: none.',
    ),
  fileStorageGbIn12Months: amount
    .max(FIGURE_LIMITS.fileStorageGb, atMost(FIGURE_LIMITS.fileStorageGb, 'GB'))
    .optional()
    .describe('Files stored after 12 months, in GB; read only with files. Optional: estimated when omitted.'),
  timeseriesRetentionDays: z
    .number()
    .int()
    .min(1)
    .max(36_500)
    .optional()
    .describe('Days time-series events are kept; read only with timeseries. Optional.'),
  vectorDimensions: z
    .number()
    .int()
    .min(1)
    .max(8192)
    .optional()
    .describe('Dimensions of each embedding; read only with vectors. Optional: estimated when omitted.'),
})

const COMPLIANCE_FIELDS = {
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
}

const ComplianceV1Schema = z.strictObject({
  regimes: choiceSet(REGIMES_V1).default([]).describe('Regulatory regimes that apply. Default: none.'),
  ...COMPLIANCE_FIELDS,
})

export const ComplianceSchema = z.strictObject({
  regimes: choiceSet(REGIMES).default([]).describe('Regulatory regimes that apply. Default: none.'),
  ...COMPLIANCE_FIELDS,
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

export const AiSchema = z.strictObject({
  llmCallsPerActiveUserPerMonth: amount
    .max(
      FIGURE_LIMITS.llmCallsPerActiveUserPerMonth,
      atMost(FIGURE_LIMITS.llmCallsPerActiveUserPerMonth, 'calls a month'),
    )
    .describe('Calls to a language model per monthly active user per month.'),
  tokensPerCall: count
    .max(FIGURE_LIMITS.tokensPerCall, atMost(FIGURE_LIMITS.tokensPerCall, 'tokens', true))
    .describe('Tokens in and out of one call, together.'),
  embeddingsPerMonth: count
    .max(FIGURE_LIMITS.embeddingsPerMonth, atMost(FIGURE_LIMITS.embeddingsPerMonth, 'embeddings a month', true))
    .default(0)
    .describe('Texts turned into embeddings per month. Default: 0.'),
})

export const OperationsSchema = z.strictObject({
  uptimeTarget: z.enum(UPTIME_TARGETS).default('99.5').describe('Uptime promised, in percent. Default: 99.5.'),
  restoreWithinHours: z
    .number()
    .finite()
    .positive()
    .max(8760)
    .default(24)
    .describe('Hours within which service must be back after losing the database. Default: 24.'),
  maxDataLossMinutes: amount
    .max(525_600)
    .default(60)
    .describe('Minutes of writes that may be lost in the worst case. Default: 60.'),
})

const OVERRIDE_AREAS = Object.keys(CHOICE_IDS) as [keyof typeof CHOICE_IDS, ...(keyof typeof CHOICE_IDS)[]]

/** An expert's choice for one decision area, over the engine's, with the reason and the person who made it. */
export const OverrideSchema = z.strictObject({
  area: z.enum(OVERRIDE_AREAS).describe('The decision area overridden.'),
  choice: z.string().describe("A choice id from the area's vocabulary."),
  reason: z.string().trim().min(1).max(1000).describe('Why, 1 to 1,000 characters; shown beside the decision.'),
  by: z.string().trim().min(1).max(120).describe('Who decided, as the brief names them.'),
})
export type Override = z.output<typeof OverrideSchema>

/** Overrides as a list: each choice from its area's vocabulary, at most one per area. */
export const OverridesSchema = z
  .array(OverrideSchema)
  .max(OVERRIDE_AREAS.length)
  .superRefine((overrides, ctx) => {
    overrides.forEach((o, i) => {
      const allowed: readonly string[] = CHOICE_IDS[o.area]
      if (!allowed.includes(o.choice)) {
        ctx.addIssue({ code: 'invalid_value', values: [...allowed], input: o.choice, path: [i, 'choice'] })
      }
      const first = overrides.findIndex((other) => other.area === o.area)
      if (first < i) {
        ctx.addIssue({
          code: 'custom',
          message: `one override per area (${o.area} is already overridden at overrides[${first}])`,
          input: o.area,
          path: [i, 'area'],
        })
      }
    })
  })

/** Version 1 answers, as they were written and stored before version 2. Read only to upgrade them. */
export const AnswersV1Schema = z.strictObject({
  version: z.literal(1),
  product: ProductSchema,
  team: TeamSchema,
  load: LoadV1Schema,
  data: DataV1Schema.prefault({}).describe('Omit the whole section to take every default.'),
  compliance: ComplianceV1Schema.prefault({}).describe('Omit the whole section to take every default.'),
  budget: BudgetSchema,
})
export type AnswersV1 = z.output<typeof AnswersV1Schema>

export const AnswersV2Schema = z.strictObject({
  version: z.literal(2),
  product: ProductSchema,
  team: TeamSchema,
  load: LoadSchema,
  data: DataSchema.prefault({}).describe('Omit the whole section to take every default.'),
  compliance: ComplianceSchema.prefault({}).describe('Omit the whole section to take every default.'),
  budget: BudgetSchema,
  ai: AiSchema.optional().describe('Only for products that call a language model or make embeddings.'),
  operations: OperationsSchema.optional().describe(
    'Operational targets. Optional: the brief states the defaults it assumed.',
  ),
  overrides: OverridesSchema.optional().describe(
    "An expert's choices over the engine's, one per area at most, each with a reason and a name. Optional.",
  ),
})

type ParsedV2 = z.output<typeof AnswersV2Schema>

/** Regimes whose data kinds follow from the regime itself. */
const SENSITIVE_BY_REGIME: Partial<Record<(typeof REGIMES)[number], (typeof SENSITIVE_DATA)[number]>> = {
  hipaa: 'health',
  pci_dss: 'payment_card',
}

/**
 * Version 1 answers as version 2: the one upgrade path for files, drafts and
 * stored revisions. A `hipaa` regime means the product holds health data and
 * `pci_dss` card data; every other version 2 field stays omitted or takes its
 * default.
 */
export function upgradeAnswers(v1: AnswersV1): ParsedV2 {
  const sensitive = SENSITIVE_DATA.filter((kind) => v1.compliance.regimes.some((r) => SENSITIVE_BY_REGIME[r] === kind))
  return {
    ...v1,
    version: 2,
    team: { ...v1.team, languages: [...v1.team.languages] },
    load: { ...v1.load },
    data: { ...v1.data, sensitive },
    compliance: { ...v1.compliance },
  }
}

/**
 * The figures the engine estimates when the answers omit them. The estimate
 * is readable by the engine like any answer but is not an own enumerable
 * property: it is left out when answers are stored, copied or sent, so an
 * omitted figure stays omitted and is estimated afresh from the figures of
 * the day (see `isEstimated`).
 */
type Estimated = { load: { peakRequestsPerSecond: number; dataVolumeGbIn12Months: number } }

function withEstimates(parsed: ParsedV2): ParsedV2 & Estimated {
  const load = parsed.load
  const estimate = (field: keyof Estimated['load'], value: () => number) => {
    if (load[field] !== undefined) return
    Object.defineProperty(load, field, { value: value(), enumerable: false, writable: true, configurable: true })
  }
  estimate('peakRequestsPerSecond', () => estimatePeakRequestsPerSecond(load.activeUsersIn12Months))
  estimate('dataVolumeGbIn12Months', () => estimateDataVolume(load, parsed.data).gb)
  return parsed as ParsedV2 & Estimated
}

/**
 * Answers of either schema version, read as version 2. Version 1 goes through
 * `upgradeAnswers`; both end with the engine's estimates beside (not in) the answers.
 */
export const AnswersSchema = z
  .discriminatedUnion('version', [AnswersV1Schema, AnswersV2Schema])
  .transform((parsed) => withEstimates(parsed.version === 1 ? upgradeAnswers(parsed) : parsed))

/** Answers as written by a person or a client, in either version: optional fields may be missing. */
export type AnswersInput = z.input<typeof AnswersSchema>
/** Version 2 answers as written: what new answers are built as. */
export type AnswersV2Input = z.input<typeof AnswersV2Schema>
/** Answers after parsing (version 2): every default filled in, lists canonical, estimates readable. */
export type Answers = z.output<typeof AnswersSchema>

/** True when the engine estimated this figure because the answers leave it out. */
export function isEstimated(
  answers: Answers,
  path: 'load.peakRequestsPerSecond' | 'load.dataVolumeGbIn12Months',
): boolean {
  const [section, field] = path.split('.') as ['load', 'peakRequestsPerSecond' | 'dataVolumeGbIn12Months']
  const group = answers[section]
  return field in group && !Object.prototype.propertyIsEnumerable.call(group, field)
}

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
  'load.similarityQueriesPerSecond',
  'load.ingestEventsPerSecond',
  'data.kinds',
  'data.timeseriesEventsPerSecond',
  'data.vectorCount',
  'data.auditTrail',
  'data.sensitive',
  'data.fileStorageGbIn12Months',
  'data.timeseriesRetentionDays',
  'data.vectorDimensions',
  'compliance.regimes',
  'compliance.dataResidency',
  'compliance.markets',
  'compliance.identity',
  'compliance.enterpriseSso',
  'compliance.payments',
  'budget.monthlyInfraUsd',
  'budget.hosting',
  'budget.weeksToLaunch',
  'ai.llmCallsPerActiveUserPerMonth',
  'ai.tokensPerCall',
  'ai.embeddingsPerMonth',
  'operations.uptimeTarget',
  'operations.restoreWithinHours',
  'operations.maxDataLossMinutes',
  'overrides',
] as const
export type AnswerPath = (typeof ANSWER_PATHS)[number]

/**
 * Answers as a revision stored them (JSON of either version), read as
 * version 2 through the same schema as any other answers. Stored answers
 * were valid when written; one that no longer parses is a broken row, said
 * with the field that broke.
 */
export function readStoredAnswers(json: string): Answers {
  const parsed = AnswersSchema.safeParse(JSON.parse(json))
  if (parsed.success) return parsed.data
  const first = parsed.error.issues[0]
  throw new Error(`Stored answers do not parse at ${first?.path.join('.') || '(top level)'}: ${first?.message}`)
}

export { overridesInWords, readAnswer } from './read-answer.ts'
