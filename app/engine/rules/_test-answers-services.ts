import { type Answers, type AnswersInput, AnswersSchema } from '#app/engine/answers.ts'

/**
 * A test builder for the service-area rules (jobs, cache, auth, payments,
 * email, file storage): one plain base product, and each test row overrides
 * only the fields its rule reads. Parsed through AnswersSchema so defaults
 * and list order are exactly what the engine sees.
 */

type Section<K extends keyof AnswersInput> = Partial<NonNullable<AnswersInput[K]>>

export interface AnswersOverrides {
  product?: Section<'product'>
  team?: Section<'team'>
  load?: Section<'load'>
  data?: Section<'data'>
  compliance?: Section<'compliance'>
  budget?: Section<'budget'>
}

export const BASE_ANSWERS = {
  version: 2,
  product: { name: 'Test product', shape: 'b2b_saas', sellsTo: 'organizations', clients: ['web'] },
  team: { engineers: 3, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 100, activeUsersIn12Months: 2000 },
  data: { kinds: ['relational'] },
  compliance: { regimes: [], dataResidency: [], markets: ['us'], payments: 'none' },
  budget: { monthlyInfraUsd: 200, hosting: 'managed_paas' },
} as const satisfies AnswersInput

export function answersWith(over: AnswersOverrides = {}): Answers {
  return AnswersSchema.parse({
    version: 2,
    product: { ...BASE_ANSWERS.product, ...over.product },
    team: { ...BASE_ANSWERS.team, ...over.team },
    load: { ...BASE_ANSWERS.load, ...over.load },
    data: { ...BASE_ANSWERS.data, ...over.data },
    compliance: { ...BASE_ANSWERS.compliance, ...over.compliance },
    budget: { ...BASE_ANSWERS.budget, ...over.budget },
  })
}
