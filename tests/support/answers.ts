import { ANSWER_PATHS, type AnswerPath, type Answers, type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'

/**
 * The one answers builder for tests: a valid base with overrides laid over
 * it, parsed through AnswersSchema so defaults, estimates and list order are
 * exactly what the engine sees. Each test row overrides only the fields its
 * case is about.
 */

/** Objects merge field by field at any depth; a list or a value given replaces the base's, `undefined` removes it. */
type Overrides<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: Overrides<T[K]> } : T

export type AnswersPatch = Overrides<Omit<AnswersInput, 'version'>>

/** A consumer product for individuals: the fewest answers a brief needs. */
export const BASE_INPUT = {
  version: 2,
  product: { name: 'Test product', shape: 'consumer', sellsTo: 'individuals' },
  team: { engineers: 3, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 2000 },
  data: {},
  compliance: {},
  budget: { monthlyInfraUsd: 300 },
} as const satisfies AnswersInput

/** The same small product as a B2B SaaS for individuals: the base of the stack-shape rule tests. */
export const SAAS_INPUT = {
  ...BASE_INPUT,
  product: { ...BASE_INPUT.product, shape: 'b2b_saas' },
} as const satisfies AnswersInput

/**
 * A B2B SaaS sold to organizations in the US, relational data only, on a
 * managed platform with a $200 budget: the base of the service and data area tests.
 */
export const ORGANIZATIONS_INPUT = {
  version: 2,
  product: { name: 'Test product', shape: 'b2b_saas', sellsTo: 'organizations', clients: ['web'] },
  team: { engineers: 3, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 2000 },
  data: { kinds: ['relational'] },
  compliance: { regimes: [], dataResidency: [], markets: ['us'], payments: 'none' },
  budget: { monthlyInfraUsd: 200, hosting: 'managed_paas' },
} as const satisfies AnswersInput

/** The organizations' product with 5 GB of data at 12 months: the base of the data area tests. */
export const DATA_INPUT = {
  ...ORGANIZATIONS_INPUT,
  load: { ...ORGANIZATIONS_INPUT.load, dataVolumeGbIn12Months: 5 },
} as const satisfies AnswersInput

/** Answers from `base` (by default BASE_INPUT) with the patch laid over it. */
export function buildAnswers(patch: AnswersPatch = {}, base: AnswersInput = BASE_INPUT): Answers {
  return AnswersSchema.parse(overlay(base, patch))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function overlay(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return patch
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    merged[key] = value === undefined ? undefined : overlay(base[key], value)
  }
  return merged
}

const KNOWN_PATHS = new Set<string>(ANSWER_PATHS)

/** Wraps answers so every leaf that is touched is recorded as an answer path. */
export function trackReads(answers: Answers): { answers: Answers; reads: Set<AnswerPath> } {
  const reads = new Set<AnswerPath>()
  const tracked = new Proxy(answers, {
    get(target, section, receiver) {
      const group = Reflect.get(target, section, receiver)
      if (typeof section !== 'string' || typeof group !== 'object' || group === null) return group
      return new Proxy(group, {
        get(inner, field, innerReceiver) {
          const path = `${section}.${String(field)}`
          if (KNOWN_PATHS.has(path)) reads.add(path as AnswerPath)
          return Reflect.get(inner, field, innerReceiver)
        },
      })
    },
  })
  return { answers: tracked, reads }
}

/** Runs `read` on answers that record every leaf touched, and returns the result with the paths read, in path order. */
export function withReads<T>(answers: Answers, read: (a: Answers) => T): { result: T; reads: AnswerPath[] } {
  const { answers: tracked, reads } = trackReads(answers)
  const result = read(tracked)
  return { result, reads: ANSWER_PATHS.filter((p) => reads.has(p)) }
}
