import type { z } from 'zod'

/**
 * Problems a person can act on: where, what was expected, what was got.
 * Shared by the CLI, the API and the forms, so every surface words a bad
 * answer the same way: `product.shape: expected one of b2b_saas, …, got "saas"`.
 */
export interface Problem {
  /** Where the problem is: an answer path such as `team.languages[1]`, a flag, or `file:line:column`. */
  path: string
  expected: string
  got: string
  /** `expected …, got …`: the sentence to show beside a form field, where the path is already known. */
  message: string
}

type Issue = z.core.$ZodIssue

export interface IssueContext {
  /** The value that was parsed; fills in `got` where an issue does not carry its input. */
  input?: unknown
  /** The schema that was used; lets an unknown key be answered with the keys that exist there. */
  schema?: z.ZodType
}

export const TOP_LEVEL = '(top level)'
const MAX_QUOTED = 60

export function problem(path: string, expected: string, got: string): Problem {
  return { path, expected, got, message: `expected ${expected}, got ${got}` }
}

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`
}

export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem)
}

/** One problem per zod issue, and one per unknown key, in the order zod found them. */
export function problemsFromIssues(issues: readonly Issue[], context: IssueContext = {}): Problem[] {
  return issues.filter((issue) => !saidElsewhere(issue, issues)).flatMap((issue) => fromIssue(issue, context))
}

/** A whole number's built-in safe-integer bound adds nothing when the schema's own limit speaks for the same field. */
function saidElsewhere(issue: Issue, issues: readonly Issue[]): boolean {
  if (issue.code !== 'too_big' || Number(issue.maximum) !== Number.MAX_SAFE_INTEGER) return false
  const at = formatPath(issue.path)
  return issues.some((other) => other !== issue && other.code === 'too_big' && formatPath(other.path) === at)
}

export function problemsFromError(error: z.ZodError, context: IssueContext = {}): Problem[] {
  return problemsFromIssues(error.issues, context)
}

export type Parsed<T> = { success: true; data: T } | { success: false; problems: Problem[] }

/** Parses `input` with `schema` and words every issue as a problem; the usual entry point. */
export function parseWithProblems<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return { success: true, data: result.data }
  return { success: false, problems: problemsFromError(result.error, { input, schema }) }
}

/** `product.clients[1]`; odd keys in brackets; the root as `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment
    else out += `[${JSON.stringify(String(segment))}]`
  }
  return out || TOP_LEVEL
}

/** A value in words, short enough for one line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number') return formatFigure(value)
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${plural(value.length, 'item')}`
  if (value instanceof Date) return `the date ${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()}`
  if (typeof value === 'object') return 'a mapping of fields'
  return typeof value
}

function fromIssue(issue: Issue, context: IssueContext): Problem[] {
  const got =
    'input' in issue
      ? describeValue(issue.input)
      : 'input' in context
        ? describeValue(valueAt(context.input, issue.path))
        : 'something else'
  const at = formatPath(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      return [problem(at, TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`, got)]
    case 'invalid_value':
      return [problem(at, oneOf(issue.values), got)]
    case 'too_small':
      return [
        problem(at, ownWords(issue) ?? bound(issue.origin, 'min', issue.minimum, issue.inclusive, issue.exact), got),
      ]
    case 'too_big':
      return [
        problem(at, ownWords(issue) ?? bound(issue.origin, 'max', issue.maximum, issue.inclusive, issue.exact), got),
      ]
    case 'not_multiple_of':
      return [problem(at, `a multiple of ${issue.divisor}`, got)]
    case 'invalid_format':
      return [problem(at, formatWords(issue), got)]
    case 'unrecognized_keys': {
      const known = context.schema ? fieldsAt(context.schema, issue.path, context.input) : undefined
      const expected = known?.length ? `one of the fields ${known.join(', ')}` : 'a known field'
      return issue.keys.map((key) =>
        problem(formatPath([...issue.path, key]), expected, `the unknown field ${quote(key)}`),
      )
    }
    case 'invalid_union': {
      // A discriminated union that matched no option: say which values the discriminator takes.
      const key = (issue as { discriminator?: string }).discriminator
      const values = key && context.schema ? discriminatorValues(context.schema, key) : []
      if (values.length === 0) return [problem(at, 'one of the accepted forms', got)]
      return [problem(at, oneOf(values), describeValue(valueAt(context.input, issue.path)))]
    }
    case 'invalid_key':
      return [problem(at, 'valid keys', got)]
    case 'invalid_element':
      return [problem(at, 'valid entries', got)]
    default:
      return [problem(at, issue.message || 'a valid value', got)]
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping of fields',
  record: 'a mapping of fields',
  map: 'a mapping of fields',
  set: 'a list',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
  never: 'nothing',
  nonoptional: 'a value',
}

function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => (typeof v === 'string' ? v : describeValue(v)))
  return words.length === 1 ? words[0] : `one of ${words.join(', ')}`
}

/** A schema that words its own limit ("a number of at most 1,000,000,000 GB") is quoted as it is. */
function ownWords(issue: { message?: string }): string | undefined {
  const message = issue.message ?? ''
  return /^(a|an|text|a list) /.test(message) ? message : undefined
}

/** 10000000000 → "10,000,000,000": figures a person can read at a glance. */
function formatFigure(n: number): string {
  return Number.isFinite(n) && Math.abs(n) >= 10_000
    ? n.toLocaleString('en-US', { maximumFractionDigits: 20 })
    : String(n)
}

function bound(origin: string, side: 'min' | 'max', limit: number | bigint, inclusive = true, exact = false): string {
  const n = Number(limit)
  if (origin === 'string') {
    if (exact) return `text of exactly ${plural(n, 'character')}`
    if (side === 'min' && n === 1 && inclusive) return 'non-empty text'
    return `text of ${side === 'min' ? 'at least' : 'at most'} ${plural(inclusive ? n : n + (side === 'min' ? 1 : -1), 'character')}`
  }
  if (origin === 'array' || origin === 'set') {
    if (exact) return `a list of exactly ${plural(n, 'item')}`
    return `a list of ${side === 'min' ? 'at least' : 'at most'} ${plural(inclusive ? n : n + (side === 'min' ? 1 : -1), 'item')}`
  }
  if (origin === 'date') return `a date ${side === 'min' ? 'on or after' : 'on or before'} ${new Date(n).toISOString()}`
  const noun = origin === 'int' ? 'a whole number' : 'a number'
  if (exact) return `${noun} equal to ${formatFigure(n)}`
  if (side === 'min')
    return inclusive ? `${noun} of at least ${formatFigure(n)}` : `${noun} greater than ${formatFigure(n)}`
  return inclusive ? `${noun} of at most ${formatFigure(n)}` : `${noun} less than ${formatFigure(n)}`
}

function formatWords(issue: z.core.$ZodIssueInvalidStringFormat): string {
  // A schema that names its format in words (`.regex(re, 'a snake_case id')`) has said it best.
  if (issue.message && !/^Invalid\b/.test(issue.message)) return issue.message
  if (issue.format === 'regex' && issue.pattern) return `text matching ${issue.pattern}`
  if (issue.format === 'starts_with' || issue.format === 'ends_with' || issue.format === 'includes')
    return `text that ${issue.format.replace('_', ' ')} the required part`
  return `text in ${issue.format} format`
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function quote(text: string): string {
  const chars = Array.from(text)
  return JSON.stringify(chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED - 1).join('')}…` : text)
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[segment]
  }
  return value
}

interface Def {
  type?: string
  shape?: Record<string, unknown>
  innerType?: Schemaish
  in?: Schemaish
  element?: Schemaish
  valueType?: Schemaish
  options?: Schemaish[]
  discriminator?: string
}
interface Schemaish {
  _zod?: { def?: Def }
}

/**
 * The field names a strict object accepts at `path`, looking through defaults,
 * pipes and transforms, and through a discriminated union to the option the
 * input names (the answers' `version`).
 */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): string[] | undefined {
  let node: Schemaish | undefined = unionOption(unwrap(schema as Schemaish), input)
  for (const segment of path) {
    const def = node?._zod?.def
    if (!def) return undefined
    if (def.type === 'object' && typeof segment === 'string') node = def.shape?.[segment] as Schemaish | undefined
    else if (def.type === 'array' && typeof segment === 'number') node = def.element
    else if (def.type === 'record') node = def.valueType
    else return undefined
    node = node && unwrap(node)
  }
  const def = node?._zod?.def
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined
}

/** The option of a discriminated union that the input's discriminator names; the last option otherwise. */
function unionOption(node: Schemaish, input: unknown): Schemaish {
  const def = node._zod?.def
  if (def?.type !== 'union' || !def.options?.length) return node
  const key = def.discriminator
  const value = key && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined
  const options = def.options.map(unwrap)
  return options.find((o) => key && literalValues(o, key).includes(value)) ?? options[options.length - 1]
}

function literalValues(option: Schemaish, key: string): unknown[] {
  const field = option._zod?.def?.shape?.[key] as Schemaish | undefined
  return (field?._zod?.def as { values?: unknown[] } | undefined)?.values ?? []
}

function discriminatorValues(schema: z.ZodType, key: string): unknown[] {
  const def = unwrap(schema as Schemaish)._zod?.def
  return def?.type === 'union' ? (def.options ?? []).flatMap((o) => literalValues(unwrap(o), key)) : []
}

function unwrap(schema: Schemaish): Schemaish {
  let node = schema
  for (let depth = 0; depth < 20; depth++) {
    const def = node._zod?.def
    const next = def?.type === 'pipe' ? def.in : def?.innerType
    if (!next) return node
    node = next
  }
  return node
}
