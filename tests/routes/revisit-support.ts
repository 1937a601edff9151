import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { parse } from 'yaml'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/** Small fixtures for the revisit route tests: example answers, requests, and unwrapping what routes return. */

export const EXAMPLE: Answers = AnswersSchema.parse(
  parse(readFileSync(join(process.cwd(), 'content', 'examples', 'b2b-saas.yaml'), 'utf8')),
)

export const TODAY = new Date().toISOString().slice(0, 10)

export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

export function named(name: string, answers: Answers = EXAMPLE): Answers {
  return { ...answers, product: { ...answers.product, name } }
}

/** GET without fields, POST of a urlencoded form with them. */
export function args(path: string, params: Record<string, string>, fields?: Record<string, string>) {
  const request = fields
    ? new Request(`http://localhost${path}`, { method: 'POST', body: new URLSearchParams(fields) })
    : new Request(`http://localhost${path}`)
  return { request, params, context: asLocalOwner() }
}

interface DataResult<T> {
  data: T
  init: ResponseInit | null
}

/** `data(value, init)` results have a body and a status; a plain object has status 200. */
export function unwrap<T>(result: T | DataResult<T> | Response): { status: number; body: T; headers: Headers } {
  if (result instanceof Response) throw new Error(`expected data, got a ${result.status} response`)
  if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
    return { status: result.init?.status ?? 200, body: result.data, headers: new Headers(result.init?.headers) }
  }
  return { status: 200, body: result as T, headers: new Headers() }
}

export function location(result: unknown): string {
  if (!(result instanceof Response)) throw new Error('expected a redirect Response')
  expect(result.status).toBe(302)
  return result.headers.get('Location') ?? ''
}

export async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a thrown Response')
}
