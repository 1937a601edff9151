import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { describeValue, type Problem, parseWithProblems, problem } from '#app/lib/problems.ts'
import {
  addRevision,
  BRIEF_ID_PATTERN,
  createBrief,
  getBrief,
  getRevision,
  listBriefs,
  listRevisions,
  previewBrief,
} from '#app/services/briefs.server.ts'
import { IDEMPOTENCY_KEY_PATTERN, type StoredResponse, withIdempotency } from '#app/services/idempotency.server.ts'
import { notesAt } from '#app/services/notes.server.ts'
import { parseRevisionNumber } from '#app/web/request.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { readJsonBody } from './body.server.ts'
import { type Handler, json } from './endpoint.server.ts'
import { ApiProblem, briefNotFound, countProblems, notFound } from './problem.ts'
import { readQuery } from './query.server.ts'
import { AnswersEnvelopeSchema, ListQuerySchema, RevisionListQuerySchema } from './schemas.server.ts'

/** The handlers behind /api/v1/briefs: parse and check the request, call a service, shape the response. */

export const API_BASE = '/api/v1'

export const previewBriefHandler: Handler = async ({ request }) => {
  const { answers } = await readAnswers(request)
  return json(previewBrief(answers))
}

export const createBriefHandler: Handler = async ({ request, workspaceId }) => {
  const key = readIdempotencyKey(request)
  const { answers, input } = await readAnswers(request)
  const db = await getDb()
  return respondOnce(
    db,
    key ? { workspaceId, operation: 'create-brief', key, request: input } : null,
    async (scoped) => {
      const { brief, revision } = await createBrief(scoped, { workspaceId, answers })
      return { status: 201, body: { ...brief, head: revision } }
    },
    (body) => `${API_BASE}/briefs/${(body as { id: string }).id}`,
  )
}

export const listBriefsHandler: Handler = async ({ request, workspaceId }) => {
  const query = readQuery(new URL(request.url).searchParams, ListQuerySchema, { unknown: 'ignore' })
  const db = await getDb()
  return json(await listBriefs(db, { workspaceId, ...query }))
}

export const getBriefHandler: Handler = async ({ params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const found = await getBrief(await getDb(), { workspaceId, briefId })
  if (!found) throw briefNotFound(briefId)
  return json({ ...found, head: asStored(found.head) })
}

export const listRevisionsHandler: Handler = async ({ request, params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const query = readQuery(new URL(request.url).searchParams, RevisionListQuerySchema, { unknown: 'refuse' })
  const page = await listRevisions(await getDb(), { workspaceId, briefId, cursor: query.cursor, limit: query.limit })
  if (!page) throw briefNotFound(briefId)
  return json({ items: page.items, nextCursor: page.nextCursor })
}

export const getRevisionHandler: Handler = async ({ params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const number = requireRevisionNumber(briefId, params.n)
  const db = await getDb()
  const found = await getRevision(db, { workspaceId, briefId, number })
  if (!found) throw notFound(`Brief ${briefId} has no revision ${number}.`)
  return json({ ...asStored(found), notes: await notesAt(db, { workspaceId, briefId, revision: number }) })
}

export const addRevisionHandler: Handler = async ({ request, params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const key = readIdempotencyKey(request)
  const { answers, input } = await readAnswers(request)
  const db = await getDb()
  return respondOnce(
    db,
    key ? { workspaceId, operation: 'add-revision', key, request: { briefId, answers: input } } : null,
    async (scoped) => {
      const revision = await addRevision(scoped, { workspaceId, briefId, answers })
      if (!revision) throw briefNotFound(briefId)
      return { status: 201, body: revision }
    },
    (body) => `${API_BASE}/briefs/${briefId}/revisions/${(body as { number: number }).number}`,
  )
}

/**
 * Runs a create once per Idempotency-Key (or plainly without one) and answers
 * 201 with Location; a replay carries `Idempotent-Replayed: true`.
 */
export async function respondOnce(
  db: Db,
  idempotency: { workspaceId: string; operation: string; key: string; request: unknown } | null,
  work: (db: Db) => Promise<StoredResponse>,
  location: (body: unknown) => string,
): Promise<Response> {
  if (!idempotency) {
    const { status, body } = await work(db)
    return json(body, { status, headers: { Location: location(body) } })
  }
  const outcome = await withIdempotency(db, idempotency, work)
  if (outcome.kind === 'conflict') {
    throw new ApiProblem(
      'idempotency-key-reused',
      'This Idempotency-Key was used in the last 24 hours with a different body; send a new key for a new request.',
      [problem('Idempotency-Key', 'a key not used before for another request', describeValue(idempotency.key))],
    )
  }
  const headers: Record<string, string> = { Location: location(outcome.body) }
  if (outcome.kind === 'replayed') headers['Idempotent-Replayed'] = 'true'
  return json(outcome.body, { status: outcome.status, headers })
}

/** The body as Answers, bare or as `{ "answers": … }`; every problem at once (422). */
async function readAnswers(request: Request): Promise<{ answers: Answers; input: unknown }> {
  const body = await readJsonBody(request)
  const wrapped = body !== null && typeof body === 'object' && !Array.isArray(body) && Object.hasOwn(body, 'answers')
  if (wrapped) {
    const parsed = parseWithProblems(AnswersEnvelopeSchema, body)
    if (!parsed.success) throw invalidAnswers(parsed.problems)
    return { answers: parsed.data.answers, input: (body as { answers: unknown }).answers }
  }
  const parsed = parseWithProblems(AnswersSchema, body)
  if (!parsed.success) throw invalidAnswers(parsed.problems)
  return { answers: parsed.data, input: body }
}

function invalidAnswers(problems: readonly Problem[]): ApiProblem {
  return new ApiProblem(
    'invalid-answers',
    `The answers have ${countProblems(problems.length)}: ${problems[0].path}: ${problems[0].message}${problems.length > 1 ? ' …' : '.'}`,
    problems,
  )
}

export function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get('idempotency-key')
  if (key === null) return null
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ApiProblem('invalid-parameter', 'The Idempotency-Key header is not a usable key.', [
      problem('Idempotency-Key', '1 to 255 visible ASCII characters, such as a UUID', describeValue(key)),
    ])
  }
  return key
}

export function requireBriefId(id: string | undefined): string {
  if (id === undefined || !BRIEF_ID_PATTERN.test(id)) {
    throw notFound(`There is no brief ${describeValue(id ?? '')}.`)
  }
  return id
}

function requireRevisionNumber(briefId: string, n: string | undefined): number {
  const number = parseRevisionNumber(n)
  if (number === null) {
    throw notFound(`Brief ${briefId} has no revision ${describeValue(n ?? '')}: revisions are numbered 1, 2, 3 …`)
  }
  return number
}

/** A revision as the API serves it: the brief exactly as it was stored, whichever schema version it has. */
function asStored<T extends { brief: unknown; storedBrief?: unknown }>({ storedBrief, ...record }: T) {
  return { ...record, brief: storedBrief ?? record.brief }
}
