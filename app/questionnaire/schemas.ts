import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { configureCoercion } from '@conform-to/zod/v4/future'
import { z } from 'zod'
import {
  AiSchema,
  type Answers,
  AnswersSchema,
  BudgetSchema,
  ComplianceSchema,
  DataSchema,
  LANGUAGES,
  LoadSchema,
  OperationsSchema,
  ProductSchema,
  TeamSchema,
} from '#app/engine/answers.ts'
import { parseWithProblems, problemsFromIssues } from '#app/lib/problems.ts'
import { isOptionalSection, SECTIONS, type Section } from './steps.ts'

/**
 * One schema per questionnaire step. The same schema answers Conform's check
 * of one field as the founder leaves it, judges a submitted step, and judges
 * the whole draft before a brief is generated. It runs on the server only:
 * zod would more than double the script a step sends (see the budget in
 * tests/e2e/wizard.test.ts).
 *
 * Each is the Answers section from app/engine/answers.ts with two changes a
 * form needs and a file does not:
 *
 * - A set of boxes with none ticked arrives as nothing at all. In a form that
 *   means "none of these", so the default that fills an omitted list in a file
 *   is taken off and the section's own rule judges the empty list.
 * - Fields that only count for some kinds of data are dropped before parsing
 *   unless that kind is ticked, so a stale value in a hidden field is never judged.
 *
 * Strings become numbers and booleans through Conform's coercion (a ticked
 * box sends "on"); numbers may be typed with thousands separators.
 */

/** A form value as sent: one text, or the ticked boxes of a set. Unticked boxes are absent. */
export type FormValue = string | string[]
export type FormValues = Record<string, FormValue>

const FormValuesSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]))
export const DraftAnswersSchema = z.partialRecord(z.enum(SECTIONS), FormValuesSchema)
/** What a draft holds: each visited section's form values, as typed. */
export type DraftAnswers = z.infer<typeof DraftAnswersSchema>

/** Data fields that are asked, and judged, only when their kind of data is ticked. */
export const ONLY_WITH_KIND = {
  timeseriesEventsPerSecond: 'timeseries',
  timeseriesRetentionDays: 'timeseries',
  vectorCount: 'vectors',
  vectorDimensions: 'vectors',
  fileStorageGbIn12Months: 'files',
} as const satisfies Partial<Record<keyof z.input<typeof DataSchema>, Answers['data']['kinds'][number]>>

const ProductStepSchema = ProductSchema.extend({ clients: ProductSchema.shape.clients.unwrap() })
const DataFieldsSchema = DataSchema.extend({ kinds: DataSchema.shape.kinds.unwrap() })
const DataStepSchema = z.preprocess(dropInactiveFields, DataFieldsSchema)
const ComplianceStepSchema = ComplianceSchema.extend({
  regimes: ComplianceSchema.shape.regimes.unwrap(),
  dataResidency: ComplianceSchema.shape.dataResidency.unwrap(),
  markets: ComplianceSchema.shape.markets.unwrap(),
})

/**
 * The team step also asks which ticked language is the main one (boxes
 * arrive in the form's order, not the team's): it is put first, which is
 * what the Answers mean by the first language.
 */
const FORM_ONLY_FIELDS: Partial<Record<Section, Record<string, z.ZodType>>> = {
  team: { primaryLanguage: z.enum(LANGUAGES).optional() },
}
const TeamStepSchema = z.preprocess(putMainLanguageFirst, TeamSchema)

/**
 * The AI step may be left empty (the product calls no model). Calls and
 * tokens come together; embeddings alone are fine (no model calls).
 */
const AiStepSchema = z
  .strictObject({
    llmCallsPerActiveUserPerMonth: AiSchema.shape.llmCallsPerActiveUserPerMonth.optional(),
    tokensPerCall: AiSchema.shape.tokensPerCall.optional(),
    embeddingsPerMonth: AiSchema.shape.embeddingsPerMonth.unwrap().optional(),
  })
  .superRefine((ai, ctx) => {
    const calls = ai.llmCallsPerActiveUserPerMonth !== undefined
    const tokens = ai.tokensPerCall !== undefined
    if (calls && !tokens) {
      ctx.addIssue({ code: 'custom', path: ['tokensPerCall'], message: 'Give the tokens of one call too' })
    }
    if (tokens && !calls) {
      ctx.addIssue({
        code: 'custom',
        path: ['llmCallsPerActiveUserPerMonth'],
        message: 'Give the calls per user too',
      })
    }
  })

export const STEP_SCHEMAS = {
  product: ProductStepSchema,
  team: TeamStepSchema,
  load: LoadSchema,
  data: DataStepSchema,
  compliance: ComplianceStepSchema,
  budget: BudgetSchema,
  ai: AiStepSchema,
  operations: OperationsSchema,
} satisfies Record<Section, z.ZodType>

export type StepOutput<S extends Section> = z.output<(typeof STEP_SCHEMAS)[S]>

/** The engine's own section schemas: where the field list and the documented defaults come from. */
const SECTION_SHAPES: Record<Section, Record<string, z.ZodType>> = {
  product: ProductSchema.shape,
  team: TeamSchema.in.shape,
  load: LoadSchema.shape,
  data: DataSchema.shape,
  compliance: ComplianceSchema.shape,
  budget: BudgetSchema.shape,
  ai: AiSchema.shape,
  operations: OperationsSchema.shape,
}

const STEP_FIELDS = Object.fromEntries(
  SECTIONS.map((section) => [
    section,
    [...Object.keys(SECTION_SHAPES[section]), ...Object.keys(FORM_ONLY_FIELDS[section] ?? {})],
  ]),
) as unknown as Record<Section, readonly string[]>

/** Digits grouped in threes by dots, such as "12.000": a thousands separator or a decimal point, depending on the reader. */
const AMBIGUOUS_GROUPING = /^\d{1,3}(\.\d{3})+$/

const { coerceFormValue } = configureCoercion({
  stripEmptyString: (text) => (text.trim() === '' ? undefined : text),
  // "10,000", "10 000" and "$400" mean what a person meant.
  // "12.000" is twelve thousand in much of Europe and twelve in English: refused rather than guessed.
  type: {
    number: (text) => (AMBIGUOUS_GROUPING.test(text.trim()) ? Number.NaN : Number(text.replace(/[\s,_$]/g, ''))),
  },
})

function dropInactiveFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const fields = { ...(value as Record<string, unknown>) }
  const kinds = [fields.kinds].flat()
  for (const [field, kind] of Object.entries(ONLY_WITH_KIND)) {
    if (!kinds.includes(kind)) delete fields[field]
  }
  return fields
}

function putMainLanguageFirst(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const { primaryLanguage, ...fields } = value as Record<string, unknown>
  if (typeof primaryLanguage !== 'string' || primaryLanguage === '') return fields
  const ticked = [fields.languages ?? []].flat().filter((l) => l !== primaryLanguage)
  return { ...fields, languages: [primaryLanguage, ...ticked] }
}

/** Whether a field is asked, given the values around it (only data fields ever are not). */
export function isFieldActive(section: Section, field: string, values: Record<string, unknown>): boolean {
  if (section !== 'data' || !(field in ONLY_WITH_KIND)) return true
  const kind = ONLY_WITH_KIND[field as keyof typeof ONLY_WITH_KIND]
  return [values.kinds].flat().includes(kind)
}

/** Keeps only this step's fields, as the form sent them; anything else in the request is ignored. */
export function readStepValues(section: Section, source: FormData | URLSearchParams | FormValues): FormValues {
  const values: FormValues = {}
  for (const field of STEP_FIELDS[section]) {
    const sent =
      source instanceof FormData || source instanceof URLSearchParams
        ? source.getAll(field).filter((v): v is string => typeof v === 'string')
        : [source[field] ?? []].flat()
    if (sent.length === 0) continue
    values[field] = isListField(section, field) ? sent : sent[0]
  }
  return values
}

const CONFORM_ENTRIES = ['__intent__', '__state__']

export type StepSubmission<S extends Section> = Submission<FormValues, string[], StepOutput<S>>

/** Validates one step's values with its schema; `submission.reply()` carries every typed value back. */
export function parseStep<S extends Section>(
  section: S,
  source: FormData | URLSearchParams | FormValues,
): { submission: StepSubmission<S>; values: FormValues } {
  const values = readStepValues(section, source)
  // Blank boxes count as nothing typed, as they do for the schema.
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v !== 'string' || v.trim() !== ''))
  const params = toSearchParams(values)
  // Conform's own entries say which field a blur validates; they travel with the values.
  if (source instanceof FormData || source instanceof URLSearchParams) {
    for (const reserved of CONFORM_ENTRIES) {
      const entry = source.get(reserved)
      if (typeof entry === 'string') params.set(reserved, entry)
    }
  }
  const submission = parseWithZod(params, {
    schema: coerceFormValue(STEP_SCHEMAS[section]),
    disableAutoCoercion: true,
    formatError: (issues: z.core.$ZodIssue[]) => issues.map((issue) => fieldMessage(issue, present)),
  })
  return { submission: submission as unknown as StepSubmission<S>, values }
}

/** A sentence for a person at the field: the shared problem wording, or plainer words for choices. */
function fieldMessage(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const got = input[String(issue.path[0])]
  if (issue.code === 'invalid_value' && got === undefined) return 'Choose one of the options.'
  if (issue.code === 'too_small' && issue.origin === 'array') return 'Tick at least one.'
  const [problem] = problemsFromIssues([issue], { input })
  const message = problem?.message ?? issue.message
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`
}

function toSearchParams(values: FormValues): URLSearchParams {
  const params = new URLSearchParams()
  for (const [field, value] of Object.entries(values)) {
    for (const v of [value].flat()) params.append(field, v)
  }
  return params
}

function isListField(section: Section, field: string): boolean {
  return innermost(SECTION_SHAPES[section][field] ?? FORM_ONLY_FIELDS[section]?.[field]) === 'array'
}

function innermost(schema: z.ZodType | undefined): string | undefined {
  let node = schema as { def?: { type: string; innerType?: unknown; in?: unknown } } | undefined
  for (let depth = 0; node?.def && depth < 10; depth++) {
    const next = node.def.type === 'pipe' ? node.def.in : node.def.innerType
    if (!next) return node.def.type
    node = next as typeof node
  }
  return node?.def?.type
}

/** One answer as a form value: a ticked box is "on", an unticked one is absent. */
function toFormValue(value: unknown): FormValue | undefined {
  if (value === undefined || value === null || value === false) return undefined
  if (value === true) return 'on'
  if (Array.isArray(value)) return value.map(String)
  return String(value)
}

function toFormValues(values: Record<string, unknown>): FormValues {
  const out: FormValues = {}
  for (const [field, value] of Object.entries(values)) {
    const formValue = toFormValue(value)
    if (formValue !== undefined) out[field] = formValue
  }
  return out
}

/** What a step shows before anything is typed: the defaults documented in the Answers schema. */
export function documentedDefaults(section: Section): FormValues {
  const defaults: Record<string, unknown> = {}
  for (const [field, schema] of Object.entries(SECTION_SHAPES[section])) {
    if (schema instanceof z.ZodDefault) defaults[field] = schema.def.defaultValue
  }
  return toFormValues(defaults)
}

/** A saved revision's answers as a draft, for editing them; an optional section left out stays out. */
export function draftFromAnswers(answers: Answers): DraftAnswers {
  const draft: DraftAnswers = {}
  for (const section of SECTIONS) {
    const values = answers[section] as Record<string, unknown> | undefined
    if (values) draft[section] = toFormValues(values)
  }
  if (draft.team) draft.team.primaryLanguage = answers.team.languages[0]
  return draft
}

/** An optional section saved with nothing in it is left out; an AI step with embeddings only calls no model. */
function answeredSection(section: Section, value: Record<string, unknown>): Record<string, unknown> | undefined {
  if (section !== 'ai') return value
  const { llmCallsPerActiveUserPerMonth: calls, tokensPerCall: tokens, embeddingsPerMonth: embeddings } = value
  if (calls === undefined && tokens === undefined && !embeddings) return undefined
  return { llmCallsPerActiveUserPerMonth: calls ?? 0, tokensPerCall: tokens ?? 0, embeddingsPerMonth: embeddings ?? 0 }
}

export interface DraftProblem {
  section: Section
  /** The field within the section, when the problem is with one answer. */
  field?: string
  message: string
}

export type SectionCheck =
  | { section: Section; status: 'missing' }
  | { section: Section; status: 'invalid'; problems: DraftProblem[] }
  | { section: Section; status: 'complete'; value: Record<string, unknown> }

export function checkSection(section: Section, values: FormValues | undefined): SectionCheck {
  if (!values) return { section, status: 'missing' }
  const { submission } = parseStep(section, values)
  if (submission.status === 'success') return { section, status: 'complete', value: submission.value }
  const problems = Object.entries(submission.error ?? {}).flatMap(([field, messages]) =>
    (messages ?? []).map((message) => ({ section, field: field || undefined, message })),
  )
  return { section, status: 'invalid', problems }
}

/**
 * The whole draft judged as Answers: each step by its own schema, then the
 * assembled answers by AnswersSchema itself.
 */
export function assembleAnswers(
  draft: DraftAnswers,
):
  | { ok: true; answers: Answers; checks: SectionCheck[] }
  | { ok: false; problems: DraftProblem[]; checks: SectionCheck[] } {
  const checks = SECTIONS.map((section) => checkSection(section, draft[section]))
  const problems = checks.flatMap((check): DraftProblem[] => {
    if (check.status === 'missing') {
      return isOptionalSection(check.section) ? [] : [{ section: check.section, message: 'Not answered yet.' }]
    }
    return check.status === 'invalid' ? check.problems : []
  })
  if (problems.length > 0) return { ok: false, problems, checks }
  const sections = Object.fromEntries(
    checks.flatMap((c) => (c.status === 'complete' ? [[c.section, answeredSection(c.section, c.value)]] : [])),
  )
  const parsed = parseWithProblems(AnswersSchema, { version: 2, ...sections })
  if (parsed.success) return { ok: true, answers: parsed.data, checks }
  return {
    ok: false,
    checks,
    problems: parsed.problems.map((p) => {
      const [section, field] = p.path.split(/[.[]/) as [Section, string | undefined]
      return { section: SECTIONS.includes(section) ? section : 'product', field, message: p.message }
    }),
  }
}
