import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import {
  ANSWER_PATHS,
  type AnswersInput,
  AnswersSchema,
  AnswersV1Schema,
  CLIENTS,
  DATA_KINDS,
  estimatePeakRequestsPerSecond,
  isEstimated,
  LANGUAGES,
  MARKETS,
  REGIMES,
  RESIDENCY_REGIONS,
  readAnswer,
  upgradeAnswers,
} from './answers.ts'

const MINIMAL = {
  version: 2,
  product: { name: 'Shiftwise', shape: 'b2b_saas', sellsTo: 'organizations' },
  team: { engineers: 3, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 300, activeUsersIn12Months: 8000 },
  budget: { monthlyInfraUsd: 400 },
} satisfies AnswersInput

type Sections = Exclude<keyof AnswersInput, 'version'>
type Patch = { [K in Sections]?: Record<string, unknown> } & Record<string, unknown>

/** The minimal answers with fields laid over each section (unchecked, so tests can send what a client might). */
function input(patch: Patch = {}): unknown {
  const { product, team, load, data, compliance, budget, ...top } = patch
  return {
    ...MINIMAL,
    ...top,
    product: { ...MINIMAL.product, ...product },
    team: { ...MINIMAL.team, ...team },
    load: { ...MINIMAL.load, ...load },
    ...(data ? { data } : {}),
    ...(compliance ? { compliance } : {}),
    budget: { ...MINIMAL.budget, ...budget },
  }
}

function issues(value: unknown) {
  const result = AnswersSchema.safeParse(value)
  if (result.success) throw new Error('expected the answers to be rejected')
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }))
}

describe('AnswersSchema: defaults', () => {
  const parsed = AnswersSchema.parse(MINIMAL)

  it('fills every documented default when optional fields and whole sections are omitted', () => {
    expect(parsed).toEqual({
      version: 2,
      product: {
        name: 'Shiftwise',
        shape: 'b2b_saas',
        sellsTo: 'organizations',
        clients: ['web'],
        realtime: 'none',
      },
      team: { engineers: 3, engineersIn12Months: 3, languages: ['typescript'], opsExperience: 'none' },
      load: {
        activeUsersAtLaunch: 300,
        activeUsersIn12Months: 8000,
        readWriteProfile: 'read_heavy',
        longestTaskSeconds: 2,
        scheduledWork: false,
        fanOut: false,
        needsRetries: false,
      },
      data: { kinds: ['relational'], timeseriesEventsPerSecond: 0, vectorCount: 0, auditTrail: false, sensitive: [] },
      compliance: {
        regimes: [],
        dataResidency: [],
        markets: ['global'],
        identity: 'personal',
        enterpriseSso: false,
        payments: 'none',
      },
      budget: { monthlyInfraUsd: 400, hosting: 'no_preference', weeksToLaunch: 12 },
    })
  })

  it('treats empty data and compliance sections like omitted ones', () => {
    expect(AnswersSchema.parse(input({ data: {}, compliance: {} }))).toEqual(parsed)
  })

  it('leaves product.summary out when it is not given, and trims it when it is', () => {
    expect('summary' in parsed.product).toBe(false)
    expect(AnswersSchema.parse(input({ product: { summary: '  prove it  ' } })).product.summary).toBe('prove it')
  })

  it('trims the product name', () => {
    expect(AnswersSchema.parse(input({ product: { name: '  Shiftwise \n' } })).product.name).toBe('Shiftwise')
  })

  it.each([
    [undefined, 3],
    [3, 3],
    [12, 12],
    [1, 1],
  ])('engineersIn12Months %s → %d: the team size now when not given', (engineersIn12Months, expected) => {
    const team = engineersIn12Months === undefined ? {} : { engineersIn12Months }
    expect(AnswersSchema.parse(input({ team })).team.engineersIn12Months).toBe(expected)
  })

  it.each([
    [0, undefined, 1],
    [999, undefined, 1],
    [1000, undefined, 1],
    [1001, undefined, 2],
    [8000, undefined, 8],
    [2_500_000, undefined, 2500],
    [8000, 0, 0],
    [8000, 42.5, 42.5],
  ])(
    '%d users, peakRequestsPerSecond %s → %d: one per second per 1,000 users at 12 months, at least 1',
    (users, peak, expected) => {
      const load = { activeUsersIn12Months: users, ...(peak === undefined ? {} : { peakRequestsPerSecond: peak }) }
      expect(AnswersSchema.parse(input({ load })).load.peakRequestsPerSecond).toBe(expected)
    },
  )

  it('estimatePeakRequestsPerSecond never goes below one request per second', () => {
    expect(estimatePeakRequestsPerSecond(0)).toBe(1)
  })
})

describe('AnswersSchema: lists are de-duplicated and put in vocabulary order', () => {
  it.each([
    ['product', 'clients', ['partner_integrations', 'web', 'mobile', 'web'], ['web', 'mobile', 'partner_integrations']],
    ['data', 'kinds', ['files', 'vectors', 'relational', 'files'], ['relational', 'vectors', 'files']],
    ['compliance', 'regimes', ['dpdp', 'gdpr', 'gdpr', 'hipaa'], ['gdpr', 'hipaa', 'dpdp']],
    ['compliance', 'dataResidency', ['other', 'eu', 'us', 'eu'], ['us', 'eu', 'other']],
    ['compliance', 'markets', ['global', 'india', 'us', 'india'], ['us', 'india', 'global']],
  ] as const)('%s.%s %j → %j', (section, field, given, expected) => {
    const parsed = AnswersSchema.parse(input({ [section]: { [field]: given } })) as unknown as Record<
      string,
      Record<string, unknown>
    >
    expect(parsed[section][field]).toEqual(expected)
  })

  it('gives the same answers for the same set in any order', () => {
    const a = AnswersSchema.parse(input({ compliance: { regimes: [...REGIMES] } }))
    const b = AnswersSchema.parse(input({ compliance: { regimes: [...REGIMES].reverse() } }))
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })

  it("keeps the team's languages in the order given, the first being the primary, without repeats", () => {
    const parsed = AnswersSchema.parse(input({ team: { languages: ['go', 'typescript', 'go', 'rust'] } }))
    expect(parsed.team.languages).toEqual(['go', 'typescript', 'rust'])
  })

  it('accepts every value of every vocabulary', () => {
    const parsed = AnswersSchema.parse(
      input({
        product: { clients: [...CLIENTS] },
        team: { languages: [...LANGUAGES] },
        data: { kinds: [...DATA_KINDS] },
        compliance: { regimes: [...REGIMES], dataResidency: [...RESIDENCY_REGIONS], markets: [...MARKETS] },
      }),
    )
    expect(parsed.product.clients).toEqual(CLIENTS)
    expect(parsed.compliance.dataResidency).toEqual(RESIDENCY_REGIONS)
  })
})

describe('AnswersSchema: unknown keys are rejected at every level', () => {
  it.each([
    ['', input({ extra: true })],
    ['product', input({ product: { tagline: 'x' } })],
    ['team', input({ team: { designers: 2 } })],
    ['load', input({ load: { p99: 5 } })],
    ['data', input({ data: { graph: true } })],
    ['compliance', input({ compliance: { iso27001: true } })],
    ['budget', input({ budget: { currency: 'EUR' } })],
    ['ai', input({ ai: { llmCallsPerActiveUserPerMonth: 1, tokensPerCall: 1, model: 'x' } })],
    ['operations', input({ operations: { rto: 4 } })],
  ])('at "%s"', (path, value) => {
    const found = issues(value)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ path, code: 'unrecognized_keys' })
    expect(found[0].message).toMatch(/Unrecognized key/)
  })
})

describe('AnswersSchema: errors name the field, what was expected and what was got', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['a schema version we do not speak', input({ version: 3 }), 'version', /./],
    ['an unknown sensitive kind', input({ data: { sensitive: ['dna'] } }), 'data.sensitive.0', /expected one of/],
    ['vector dimensions past 8192', input({ data: { vectorDimensions: 9000 } }), 'data.vectorDimensions', /<=8192/],
    [
      'an uptime target we do not know',
      input({ operations: { uptimeTarget: '100' } }),
      'operations.uptimeTarget',
      /expected one of/,
    ],
    ['a zero restore time', input({ operations: { restoreWithinHours: 0 } }), 'operations.restoreWithinHours', />0/],
    [
      'ai without tokens',
      input({ ai: { llmCallsPerActiveUserPerMonth: 3 } }),
      'ai.tokensPerCall',
      /received undefined/,
    ],
    ['an empty name', input({ product: { name: '   ' } }), 'product.name', />=1 characters/],
    ['a name too long', input({ product: { name: 'x'.repeat(121) } }), 'product.name', /<=120 characters/],
    ['an unknown shape', input({ product: { shape: 'saas' } }), 'product.shape', /expected one of .*"b2b_saas"/],
    ['no clients', input({ product: { clients: [] } }), 'product.clients', />=1 items/],
    ['an unknown client', input({ product: { clients: ['desktop'] } }), 'product.clients.0', /expected one of/],
    ['no engineers', input({ team: { engineers: 0 } }), 'team.engineers', /expected number to be >=1/],
    ['half an engineer', input({ team: { engineers: 1.5 } }), 'team.engineers', /expected int/],
    [
      'engineers as text',
      input({ team: { engineers: 'three' } }),
      'team.engineers',
      /expected number, received string/,
    ],
    ['no languages', input({ team: { languages: [] } }), 'team.languages', />=1 items/],
    ['negative users', input({ load: { activeUsersAtLaunch: -1 } }), 'load.activeUsersAtLaunch', />=0/],
    ['infinite volume', input({ load: { dataVolumeGbIn12Months: Infinity } }), 'load.dataVolumeGbIn12Months', /./],
    [
      'a missing field',
      { ...MINIMAL, load: { activeUsersAtLaunch: 1 } },
      'load.activeUsersIn12Months',
      /received undefined/,
    ],
    ['no markets', input({ compliance: { markets: [] } }), 'compliance.markets', />=1 items/],
    ['a negative budget', input({ budget: { monthlyInfraUsd: -1 } }), 'budget.monthlyInfraUsd', />=0/],
    ['zero weeks to launch', input({ budget: { weeksToLaunch: 0 } }), 'budget.weeksToLaunch', />=1/],
    ['ten years to launch', input({ budget: { weeksToLaunch: 521 } }), 'budget.weeksToLaunch', /at most 520 weeks/],
    ['a missing section', { ...MINIMAL, team: undefined }, 'team', /expected object, received undefined/],
  ])('%s', (_, value, path, message) => {
    const found = issues(value)
    expect(found.map((i) => i.path)).toContain(path)
    expect(found.find((i) => i.path === path)?.message).toMatch(message)
  })

  it('reports every problem at once, not only the first', () => {
    const found = issues(input({ team: { engineers: 0 }, budget: { monthlyInfraUsd: -5 }, extra: 1 }))
    expect(found.map((i) => i.path).sort()).toEqual(['', 'budget.monthlyInfraUsd', 'team.engineers'])
  })
})

describe('ANSWER_PATHS and the examples', () => {
  it('names every leaf of parsed answers, and nothing else', () => {
    const full = AnswersSchema.parse(
      input({
        product: { summary: 'prove it' },
        load: {
          peakRequestsPerSecond: 5,
          dataVolumeGbIn12Months: 12,
          similarityQueriesPerSecond: 2,
          ingestEventsPerSecond: 10,
        },
        data: { fileStorageGbIn12Months: 3, timeseriesRetentionDays: 30, vectorDimensions: 1536 },
        ai: { llmCallsPerActiveUserPerMonth: 20, tokensPerCall: 1500 },
        operations: {},
        overrides: [{ area: 'email', choice: 'resend', reason: 'Team knows it', by: 'Ana' }],
      }),
    )
    const leaves = Object.entries(full).flatMap(([section, group]) =>
      Array.isArray(group)
        ? [section]
        : typeof group === 'object'
          ? Object.keys(group).map((field) => `${section}.${field}`)
          : [],
    )
    expect(leaves.sort()).toEqual([...ANSWER_PATHS].sort())
    expect(readAnswer(full, 'team.engineersIn12Months')).toBe(3)
  })

  const examples = import.meta.glob<string>('../../content/examples/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  })
  it.each(Object.entries(examples))('%s parses', (_, text) => {
    expect(AnswersSchema.safeParse(parseYaml(text)).success).toBe(true)
  })
})

describe('figure limits', () => {
  it('refuses a figure the engine cannot price as a whole number of cents, naming the field', async () => {
    const { parseWithProblems } = await import('#app/lib/problems.ts')
    const input = {
      version: 1,
      product: { name: 'Huge', shape: 'consumer', sellsTo: 'individuals' },
      team: { engineers: 1, languages: ['typescript'] },
      load: { activeUsersAtLaunch: 1, activeUsersIn12Months: 1e15 },
      budget: { monthlyInfraUsd: 10 },
    }
    const parsed = parseWithProblems(AnswersSchema, input)
    expect(parsed.success).toBe(false)
    if (!parsed.success) {
      expect(parsed.problems.map((p) => p.path)).toEqual(['load.activeUsersIn12Months'])
      expect(parsed.problems[0].expected).toMatch(/10,?000,?000,?000/)
    }
  })
})

describe('version 1 answers load through the one upgrade path', () => {
  const V1 = { ...MINIMAL, version: 1 }

  it('reads version 1 answers as version 2, with the new lists empty and new figures omitted', () => {
    const parsed = AnswersSchema.parse(V1)
    expect(parsed.version).toBe(2)
    expect(parsed.data.sensitive).toEqual([])
    expect('ai' in parsed || 'operations' in parsed).toBe(false)
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(AnswersSchema.parse(MINIMAL)))
  })

  it.each([
    [['hipaa'], ['health']],
    [['pci_dss'], ['payment_card']],
    [
      ['gdpr', 'hipaa', 'pci_dss'],
      ['health', 'payment_card'],
    ],
    [['gdpr', 'soc2'], []],
  ])('regimes %j imply regulated data %j', (regimes, sensitive) => {
    const v1 = AnswersV1Schema.parse({ ...V1, compliance: { regimes } })
    expect(upgradeAnswers(v1).data.sensitive).toEqual(sensitive)
    expect(AnswersSchema.parse({ ...V1, compliance: { regimes } }).data.sensitive).toEqual(sensitive)
  })

  it('refuses version 2 fields in a version 1 file, naming the field', () => {
    const found = issues({ ...V1, data: { sensitive: ['health'] } })
    expect(found).toEqual([expect.objectContaining({ path: 'data', code: 'unrecognized_keys' })])
    expect(issues({ ...V1, compliance: { regimes: ['rbi'] } }).map((i) => i.path)).toEqual(['compliance.regimes.0'])
  })

  it('still names the field of a version 1 problem', () => {
    expect(issues({ ...V1, team: { engineers: 0, languages: ['go'] } }).map((i) => i.path)).toEqual(['team.engineers'])
  })

  const examples = import.meta.glob<string>('../../content/examples/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  })
  it.each(Object.entries(examples))(
    '%s: the shipped example reads the same as version 1 and as version 2',
    (_, text) => {
      const data = parseYaml(text) as Record<string, unknown>
      const asV1 = AnswersSchema.parse({ ...data, version: 1 })
      const asV2 = AnswersSchema.parse({
        ...data,
        version: 2,
        data: { ...(data.data as object), sensitive: asV1.data.sensitive },
      })
      expect(asV1).toEqual(asV2)
    },
  )
})

describe('estimates are never stored as answers', () => {
  it('reads an omitted peak as the estimate, but stores and copies the answers without it', () => {
    const parsed = AnswersSchema.parse(MINIMAL)
    expect(parsed.load.peakRequestsPerSecond).toBe(8)
    expect(isEstimated(parsed, 'load.peakRequestsPerSecond')).toBe(true)
    const stored = JSON.parse(JSON.stringify(parsed))
    expect('peakRequestsPerSecond' in stored.load).toBe(false)
    expect(AnswersSchema.parse(stored).load.peakRequestsPerSecond).toBe(8)
    const grown = AnswersSchema.parse({ ...stored, load: { ...stored.load, activeUsersIn12Months: 42_000 } })
    expect(grown.load.peakRequestsPerSecond).toBe(42)
  })

  it('estimates an omitted database size from the users, readings, retention and audit trail, and never stores it (issue 8, no default 5 GB)', () => {
    const small = AnswersSchema.parse(MINIMAL)
    expect(isEstimated(small, 'load.dataVolumeGbIn12Months')).toBe(true)
    expect('dataVolumeGbIn12Months' in JSON.parse(JSON.stringify(small)).load).toBe(false)
    const users = small.load.activeUsersIn12Months
    expect(small.load.dataVolumeGbIn12Months).toBe(Math.max(1, Math.ceil((users * 2) / 1000)))
    const readings = AnswersSchema.parse(
      input({
        data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 200, timeseriesRetentionDays: 90 },
      }),
    )
    // 8,000 users × 2 MB = 16 GB, and 200 readings a second × 86,400 s × 90 days × 50 bytes = 77.76 GB.
    expect(readings.load.dataVolumeGbIn12Months).toBe(94)
    const audited = AnswersSchema.parse(input({ data: { auditTrail: true } }))
    expect(audited.load.dataVolumeGbIn12Months).toBe(20)
    const typed = AnswersSchema.parse(input({ load: { dataVolumeGbIn12Months: 40 } }))
    expect(isEstimated(typed, 'load.dataVolumeGbIn12Months')).toBe(false)
    expect(typed.load.dataVolumeGbIn12Months).toBe(40)
  })

  it('keeps a typed peak as typed', () => {
    const parsed = AnswersSchema.parse(input({ load: { peakRequestsPerSecond: 6 } }))
    expect(isEstimated(parsed, 'load.peakRequestsPerSecond')).toBe(false)
    expect(JSON.parse(JSON.stringify(parsed)).load.peakRequestsPerSecond).toBe(6)
  })

  it('round-trips version 2 answers through storage byte for byte', () => {
    const full = input({
      data: { kinds: ['relational', 'vectors'], sensitive: ['health'], vectorDimensions: 768 },
      compliance: { regimes: ['hipaa', 'rbi'] },
      ai: { llmCallsPerActiveUserPerMonth: 10, tokensPerCall: 2000, embeddingsPerMonth: 50_000 },
      operations: { uptimeTarget: '99.9' },
    })
    const once = AnswersSchema.parse(full)
    const twice = AnswersSchema.parse(JSON.parse(JSON.stringify(once)))
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once))
    expect(twice.operations).toEqual({ uptimeTarget: '99.9', restoreWithinHours: 24, maxDataLossMinutes: 60 })
  })
})
