import type { z } from 'zod'
import { type Problem, parseWithProblems, problem } from '#app/lib/problems.ts'
import { ApiProblem, countProblems } from './problem.ts'

/**
 * Query strings as the API reads them: each parameter at most once, a
 * number-looking `limit` handed over as a number (so "1.5" and "-1" are
 * reported as numbers), and every problem at once as one 400.
 */

/**
 * The value of each of `names` (all the names in the query when `names` is
 * 'all'), with a problem for each name given more than once (its first
 * value is still read, so its own problems are reported too).
 */
export function singleValues(
  params: URLSearchParams,
  names: readonly string[] | 'all',
): { values: Map<string, string>; problems: Problem[] } {
  const values = new Map<string, string>()
  const problems: Problem[] = []
  for (const name of names === 'all' ? new Set(params.keys()) : names) {
    const given = params.getAll(name)
    if (given.length > 1) problems.push(problem(name, 'one value', `${given.length} values`))
    if (given.length > 0) values.set(name, given[0])
  }
  return { values, problems }
}

/**
 * The query read against `schema`. `unknown: 'ignore'` leaves parameters the
 * schema does not name alone; 'refuse' hands them to the (strict) schema,
 * which names each one.
 */
export function readQuery<S extends z.ZodObject>(
  params: URLSearchParams,
  schema: S,
  { unknown }: { unknown: 'ignore' | 'refuse' },
): z.output<S> {
  const { values, problems } = singleValues(params, unknown === 'refuse' ? 'all' : Object.keys(schema.shape))
  const raw: Record<string, unknown> = {}
  for (const [name, value] of values) {
    raw[name] = name === 'limit' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value
  }
  const parsed = parseWithProblems(schema, raw)
  if (!parsed.success) problems.push(...parsed.problems)
  if (problems.length > 0 || !parsed.success) throw invalidQuery(problems)
  return parsed.data
}

export function invalidQuery(problems: readonly Problem[]): ApiProblem {
  return new ApiProblem('invalid-parameter', `The query has ${countProblems(problems.length)}.`, problems)
}
