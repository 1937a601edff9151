import fc from 'fast-check'
import {
  type AnswersV2Input,
  CLIENTS,
  DATA_KINDS,
  FIGURE_LIMITS,
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
  UPTIME_TARGETS,
} from '#app/engine/answers.ts'
import { productNameArb } from './arbitraries.ts'

/**
 * Random valid Answers, schema version 2, for the plan's invariants
 * (DESIGN.md, "The plan"). Every enum comes from the schema's own
 * vocabulary and every figure stays within its limit (FIGURE_LIMITS), so
 * each value parses; the weights lean towards the figures first products
 * give, with the occasional one at the far end of what the schema accepts.
 */

/** A set of choices as a client may send it: repeats and any order allowed. */
function picks<T extends string>(values: readonly T[], minLength: number, maxLength = values.length + 1) {
  return fc.array(fc.constantFrom(...values), { minLength, maxLength })
}

/** A whole-number figure: mostly within `typical`, sometimes up to `large`, now and then zero or the schema's limit. */
function wholeFigure(typical: number, large: number, limit: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: typical }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: large }) },
    { weight: 1, arbitrary: fc.constantFrom(0, limit) },
  )
}

/** A figure that may have a fraction: as `wholeFigure`, with decimals too. */
function figure(typical: number, large: number, limit: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: wholeFigure(typical, large, limit) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: typical, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: large, noNaN: true, noDefaultInfinity: true }) },
  )
}

const engineers = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 12, max: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000 }) },
)

const productArb = fc.record(
  {
    name: productNameArb,
    summary: fc.string({ maxLength: 200 }),
    shape: fc.constantFrom(...PRODUCT_SHAPES),
    sellsTo: fc.constantFrom(...SELLS_TO),
    clients: picks(CLIENTS, 1),
    realtime: fc.constantFrom(...REALTIME),
  },
  { requiredKeys: ['name', 'shape', 'sellsTo'] },
)

const teamArb = fc.record(
  {
    engineers,
    engineersIn12Months: engineers,
    // Ordered: the first language is the team's primary one, so any order matters.
    languages: picks(LANGUAGES, 1, 4),
    opsExperience: fc.constantFrom(...OPS_EXPERIENCE),
  },
  { requiredKeys: ['engineers', 'languages'] },
)

const users = (typical: number) => wholeFigure(typical, 5_000_000, FIGURE_LIMITS.activeUsers)

const loadArb = fc.record(
  {
    activeUsersAtLaunch: users(20_000),
    activeUsersIn12Months: users(500_000),
    peakRequestsPerSecond: figure(2_000, 200_000, FIGURE_LIMITS.peakRequestsPerSecond),
    readWriteProfile: fc.constantFrom(...READ_WRITE_PROFILES),
    dataVolumeGbIn12Months: figure(500, 100_000, FIGURE_LIMITS.dataVolumeGb),
    longestTaskSeconds: figure(120, 86_400, FIGURE_LIMITS.longestTaskSeconds),
    scheduledWork: fc.boolean(),
    fanOut: fc.boolean(),
    needsRetries: fc.boolean(),
    similarityQueriesPerSecond: figure(200, 50_000, FIGURE_LIMITS.similarityQueriesPerSecond),
    ingestEventsPerSecond: figure(5_000, 1_000_000, FIGURE_LIMITS.ingestEventsPerSecond),
  },
  { requiredKeys: ['activeUsersAtLaunch', 'activeUsersIn12Months'] },
)

const dataArb = fc.record(
  {
    kinds: picks(DATA_KINDS, 1),
    timeseriesEventsPerSecond: figure(5_000, 1_000_000, FIGURE_LIMITS.timeseriesEventsPerSecond),
    vectorCount: wholeFigure(5_000_000, 100_000_000, FIGURE_LIMITS.vectorCount),
    auditTrail: fc.boolean(),
    sensitive: picks(SENSITIVE_DATA, 0, 3),
    fileStorageGbIn12Months: figure(500, 100_000, FIGURE_LIMITS.fileStorageGb),
    timeseriesRetentionDays: fc.integer({ min: 1, max: 36_500 }),
    vectorDimensions: fc.oneof(fc.constantFrom(384, 768, 1536, 3072), fc.integer({ min: 1, max: 8192 })),
  },
  { requiredKeys: [] },
)

/** Regimes with the ones that change vendors (health, card, India's payment rule, Europe) drawn more often. */
const regimesArb = fc.oneof(
  { weight: 3, arbitrary: picks(REGIMES, 0, 3) },
  { weight: 1, arbitrary: fc.subarray(['hipaa', 'pci_dss', 'rbi', 'gdpr'] as const, { minLength: 1 }) },
)

const complianceArb = fc.record(
  {
    regimes: regimesArb,
    dataResidency: picks(RESIDENCY_REGIONS, 0, 3),
    markets: picks(MARKETS, 1, 4),
    identity: fc.constantFrom(...IDENTITY_MODELS),
    enterpriseSso: fc.boolean(),
    payments: fc.constantFrom(...PAYMENT_MODELS),
  },
  { requiredKeys: [] },
)

const budgetArb = fc.record(
  {
    monthlyInfraUsd: fc.oneof(
      { weight: 4, arbitrary: figure(2_000, 50_000, FIGURE_LIMITS.monthlyInfraUsd) },
      { weight: 1, arbitrary: fc.constantFrom(0, 5, 20, 50, 100) },
    ),
    hosting: fc.constantFrom(...HOSTING),
    weeksToLaunch: fc.integer({ min: 1, max: 520 }),
  },
  { requiredKeys: ['monthlyInfraUsd'] },
)

const aiArb = fc.record(
  {
    llmCallsPerActiveUserPerMonth: figure(100, 10_000, FIGURE_LIMITS.llmCallsPerActiveUserPerMonth),
    tokensPerCall: wholeFigure(4_000, 200_000, FIGURE_LIMITS.tokensPerCall),
    embeddingsPerMonth: wholeFigure(1_000_000, 100_000_000, FIGURE_LIMITS.embeddingsPerMonth),
  },
  { requiredKeys: ['llmCallsPerActiveUserPerMonth', 'tokensPerCall'] },
)

const operationsArb = fc.record(
  {
    uptimeTarget: fc.constantFrom(...UPTIME_TARGETS),
    restoreWithinHours: fc.oneof(fc.constantFrom(1, 4, 24, 72), fc.double({ min: 0.1, max: 8760, noNaN: true })),
    maxDataLossMinutes: fc.oneof(fc.constantFrom(0, 5, 60, 1440), fc.double({ min: 0, max: 525_600, noNaN: true })),
  },
  { requiredKeys: [] },
)

/** Valid version 2 Answers as written (before parsing): every value passes `AnswersSchema.parse`. */
export const answersV2Arb: fc.Arbitrary<AnswersV2Input> = fc.record(
  {
    version: fc.constant(2 as const),
    product: productArb,
    team: teamArb,
    load: loadArb,
    data: dataArb,
    compliance: complianceArb,
    budget: budgetArb,
    ai: aiArb,
    operations: operationsArb,
  },
  { requiredKeys: ['version', 'product', 'team', 'load', 'budget'] },
)
