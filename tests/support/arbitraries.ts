import fc from 'fast-check'
import {
  type AnswersInput,
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
} from '#app/engine/answers.ts'

/**
 * Valid Answers input as a person or a client might send it: every field and
 * every enum value reachable, optional fields and whole optional sections
 * sometimes left out, lists with repeats in any order, and product names meant
 * to break whatever renders them.
 */

/** Names that have broken renderers, templates, shells, spreadsheets or bidi text somewhere. */
export const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '"; DROP TABLE briefs; --',
  "O'Brien & Sons <b>Ltd</b>",
  '| name | shape |\n|---|---|',
  '# Heading\n\n- item\n---\n',
  '`code` **bold** _slanted_ [link](javascript:alert(1))',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is the point of this name
  '${process.env.SECRET}',
  '{{constructor.constructor("return 1")()}}',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '../../etc/passwd',
  '=HYPERLINK("http://example.com")',
  'Ünïcødé 产品 🚀👩🏽‍💻',
  'مرحبا بالعالم',
  '\u202Eevil\u202C name',
  'zero\u200Bwidth\uFEFFjoiner',
  'nul\u0000byte',
  'line\r\nbreaks\ninside',
  'null',
  'undefined',
  '0',
  'NaN',
  '\\',
  'x'.repeat(120),
  '  padded on both sides  ',
] as const

const validName = (s: string) => {
  const t = s.trim()
  return t.length >= 1 && t.length <= 120
}

export const productNameArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 120, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' }) },
  )
  .filter(validName)

/** A set of choices as a client may send it: repeats and any order allowed. */
function picks<T extends string>(values: readonly T[], minLength: number): fc.Arbitrary<T[]> {
  return fc.array(fc.constantFrom(...values), { minLength, maxLength: values.length + 2 })
}

/** Small figures most of the time, with the occasional very large one. */
function count(typical: number, large: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: typical }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: large }) },
  )
}

function amount(typical: number, large: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: typical }) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: typical, noNaN: true }) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: large, noNaN: true }) },
  )
}

const engineers = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000 }) },
)

export const productArb = fc.record(
  {
    name: productNameArb,
    summary: fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 400 })),
    shape: fc.constantFrom(...PRODUCT_SHAPES),
    sellsTo: fc.constantFrom(...SELLS_TO),
    clients: picks(CLIENTS, 1),
    realtime: fc.constantFrom(...REALTIME),
  },
  { requiredKeys: ['name', 'shape', 'sellsTo'] },
)

export const teamArb = fc.record(
  {
    engineers,
    engineersIn12Months: engineers,
    languages: picks(LANGUAGES, 1),
    opsExperience: fc.constantFrom(...OPS_EXPERIENCE),
  },
  { requiredKeys: ['engineers', 'languages'] },
)

export const loadArb = fc.record(
  {
    activeUsersAtLaunch: count(50_000, 10_000_000),
    activeUsersIn12Months: count(200_000, 100_000_000),
    peakRequestsPerSecond: amount(2_000, 1_000_000),
    readWriteProfile: fc.constantFrom(...READ_WRITE_PROFILES),
    dataVolumeGbIn12Months: amount(500, 1_000_000),
    longestTaskSeconds: amount(120, 86_400),
    scheduledWork: fc.boolean(),
    fanOut: fc.boolean(),
    needsRetries: fc.boolean(),
  },
  { requiredKeys: ['activeUsersAtLaunch', 'activeUsersIn12Months'] },
)

export const dataArb = fc.record(
  {
    kinds: picks(DATA_KINDS, 1),
    timeseriesEventsPerSecond: amount(5_000, 10_000_000),
    vectorCount: count(5_000_000, 5_000_000_000),
    auditTrail: fc.boolean(),
  },
  { requiredKeys: [] },
)

export const complianceArb = fc.record(
  {
    regimes: picks(REGIMES, 0),
    dataResidency: picks(RESIDENCY_REGIONS, 0),
    markets: picks(MARKETS, 1),
    identity: fc.constantFrom(...IDENTITY_MODELS),
    enterpriseSso: fc.boolean(),
    payments: fc.constantFrom(...PAYMENT_MODELS),
  },
  { requiredKeys: [] },
)

export const budgetArb = fc.record(
  {
    monthlyInfraUsd: amount(5_000, 10_000_000),
    hosting: fc.constantFrom(...HOSTING),
    weeksToLaunch: fc.integer({ min: 1, max: 520 }),
  },
  { requiredKeys: ['monthlyInfraUsd'] },
)

/** Valid Answers input (before parsing): what AnswersSchema must accept. */
export const answersInputArb: fc.Arbitrary<AnswersInput> = fc.record(
  {
    version: fc.constant(2 as const),
    product: productArb,
    team: teamArb,
    load: loadArb,
    data: dataArb,
    compliance: complianceArb,
    budget: budgetArb,
  },
  { requiredKeys: ['version', 'product', 'team', 'load', 'budget'] },
)

/** Runs every engine-wide property the same way each time; change the seed only on purpose. */
export const PROPERTY_RUNS = { numRuns: 300, seed: 20_260_601 } as const
