import { ANSWER_PATHS, type AnswerPath, type Answers, type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'

/**
 * Answers for tests of the brief-level parts: a small valid base with a patch
 * laid over each section, and a way to record which answer paths a rule read.
 */

type Section = Exclude<keyof AnswersInput, 'version'>
export type AnswersPatch = { [K in Section]?: Partial<NonNullable<AnswersInput[K]>> }

export const BASE_INPUT = {
  version: 2,
  product: { name: 'Test product', shape: 'consumer', sellsTo: 'individuals' },
  team: { engineers: 3, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 2000 },
  data: {},
  compliance: {},
  budget: { monthlyInfraUsd: 300 },
} satisfies AnswersInput

export function buildAnswers(patch: AnswersPatch = {}): Answers {
  return AnswersSchema.parse({
    version: 2,
    product: { ...BASE_INPUT.product, ...patch.product },
    team: { ...BASE_INPUT.team, ...patch.team },
    load: { ...BASE_INPUT.load, ...patch.load },
    data: { ...BASE_INPUT.data, ...patch.data },
    compliance: { ...BASE_INPUT.compliance, ...patch.compliance },
    budget: { ...BASE_INPUT.budget, ...patch.budget },
  })
}

const KNOWN_PATHS = new Set<string>(ANSWER_PATHS)

/** Runs `read` on answers that record every leaf touched, and returns the result with the paths read. */
export function withReads<T>(answers: Answers, read: (a: Answers) => T): { result: T; reads: AnswerPath[] } {
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
  const result = read(tracked)
  return { result, reads: ANSWER_PATHS.filter((p) => reads.has(p)) }
}
