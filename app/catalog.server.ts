import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { parse, YAMLParseError } from 'yaml'
import type { z } from 'zod'
import { type Catalog, CatalogFileSchema, CatalogIndexSchema, CatalogSchema } from '#app/engine/catalog.ts'
import { projectRoot } from '#app/lib/project-root.server.ts'

/**
 * Reads content/catalog/*.yaml into one validated Catalog. Synchronous so a
 * broken file stops the server at startup with a message naming the file, the
 * field, what was expected and what was found.
 */

const INDEX_FILE = 'index.yaml'
const MAX_LISTED_PROBLEMS = 20

const cache = new Map<string, Catalog>()

export function loadCatalog(dir: string = join(projectRoot(), 'content', 'catalog')): Catalog {
  const key = resolve(dir)
  const cached = cache.get(key)
  if (cached) return cached
  const catalog = readCatalog(key)
  cache.set(key, catalog)
  return catalog
}

function readCatalog(dir: string): Catalog {
  if (!existsSync(dir)) throw catalogError(dir, [`${shown(dir)}: expected a catalog folder, got nothing there`])
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
    .sort()
  if (!names.includes(INDEX_FILE)) {
    throw catalogError(dir, [
      `${shown(join(dir, INDEX_FILE))}: expected the catalog index (version, pricesAsOf, currency), got no such file`,
    ])
  }

  const problems: string[] = []
  const index = validate(join(dir, INDEX_FILE), CatalogIndexSchema, problems)
  const components: Catalog['components'] = []
  const componentFiles: string[] = []
  for (const name of names.filter((n) => n !== INDEX_FILE)) {
    const file = join(dir, name)
    const parsed = validate(file, CatalogFileSchema, problems)
    if (!parsed) continue
    components.push(...parsed.components)
    componentFiles.push(...parsed.components.map(() => file))
  }
  if (problems.length > 0 || !index) throw catalogError(dir, problems)

  // Checks across files: unique ids, and pricesAsOf equal to the newest price date.
  const whole = CatalogSchema.safeParse({ ...index, components }, { reportInput: true })
  if (whole.success) return whole.data
  throw catalogError(
    dir,
    whole.error.issues.map((issue) => {
      const [head, position, ...rest] = issue.path
      return head === 'components' && typeof position === 'number'
        ? describe(componentFiles[position], {
            ...issue,
            path: ['components', inFile(componentFiles, position), ...rest],
          })
        : describe(join(dir, INDEX_FILE), issue)
    }),
  )
}

/** A component's index within its own file, for messages that point into that file. */
function inFile(files: readonly string[], position: number): number {
  return position - files.indexOf(files[position])
}

function validate<T extends z.ZodType>(file: string, schema: T, problems: string[]): z.output<T> | undefined {
  let data: unknown
  try {
    data = parse(readFileSync(file, 'utf8'))
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const at = err.linePos?.[0]
      const where = at ? `line ${at.line}, column ${at.col}` : 'somewhere'
      problems.push(
        `${shown(file)}: ${where}: expected valid YAML, got ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      )
      return undefined
    }
    throw err
  }
  const result = schema.safeParse(data ?? {}, { reportInput: true })
  if (result.success) return result.data
  problems.push(...result.error.issues.map((issue) => describe(file, issue)))
  return undefined
}

function describe(file: string, issue: z.core.$ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path
  return `${shown(file)}: ${formatPath(path) || '(top level)'}: expected ${expected(issue)}, got ${got(issue)}`
}

function expected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : article(issue.expected)
    case 'invalid_value':
      return issue.values.length === 1
        ? JSON.stringify(issue.values[0])
        : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive ? 'at least' : 'more than')
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive ? 'at most' : 'less than')
    case 'unrecognized_keys':
      return 'only the documented fields'
    default:
      return issue.message
  }
}

function got(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
  }
  return render(issue.input)
}

function render(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'an empty value'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>
    return 'id' in o ? `the entry with id ${JSON.stringify(o.id)}` : 'an object'
  }
  return typeof value
}

function bound(origin: string, limit: number | bigint, words: string): string {
  if (origin === 'array') return `${words} ${limit} item${limit === 1 ? '' : 's'}`
  if (origin === 'string') return `${words} ${limit} character${limit === 1 ? '' : 's'}`
  return `a number ${words} ${limit}`
}

function article(kind: string): string {
  if (kind === 'array') return 'a list'
  if (kind === 'object') return 'a mapping of fields'
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  )
}

function shown(file: string): string {
  const rel = relative(projectRoot(), file)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file
}

function catalogError(dir: string, problems: readonly string[]): Error {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS)
  const more = problems.length - listed.length
  return new Error(
    [
      `The price catalog in ${shown(dir)} is invalid:`,
      ...listed.map((p) => `  - ${p}`),
      ...(more > 0 ? [`  ...and ${more} more`] : []),
    ].join('\n'),
  )
}
