import { SignalsSchema } from '#app/engine/signals.ts'
import { renderDiffMarkdown } from '#app/export/diff-markdown.ts'
import { describeValue, type Problem, parseWithProblems, problem } from '#app/lib/problems.ts'
import { briefStatus } from '#app/services/attention.server.ts'
import { CHECKIN_ID_PATTERN, getCheckin, listCheckins, recordCheckin } from '#app/services/checkins.server.ts'
import { compareRevisions } from '#app/services/compare.server.ts'
import { InvalidInputError } from '#app/services/support/errors.server.ts'
import { authenticateToken } from '#app/services/tokens.server.ts'
import { parseRevisionNumber } from '#app/web/request.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { readJsonBody } from './body.server.ts'
import { API_BASE, readIdempotencyKey, requireBriefId, respondOnce } from './briefs.server.ts'
import { type Handler, json } from './endpoint.server.ts'
import { ApiProblem, briefNotFound, countProblems, notFound } from './problem.ts'
import { invalidQuery, readQuery, singleValues } from './query.server.ts'
import { CheckinListQuerySchema } from './signals-schemas.server.ts'

/**
 * The handlers behind /api/v1/briefs/{id}/signals, /status and /compare.
 * Reading needs nothing more than the other reads; posting a check-in needs
 * a token made for that brief.
 */

export const BEARER_REALM = 'Bearer realm="stackbrief"'

export const recordSignalsHandler: Handler = async ({ request, params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const db = await getDb()
  await requireBriefToken(db, request, briefId)
  const key = readIdempotencyKey(request)
  const input = await readJsonBody(request)
  const parsed = parseWithProblems(SignalsSchema, input)
  if (!parsed.success) throw invalidSignals(parsed.problems)
  const signals = parsed.data
  return respondOnce(
    db,
    key ? { workspaceId, operation: 'record-checkin', key, request: { briefId, signals: input } } : null,
    async (scoped) => {
      let recorded: Awaited<ReturnType<typeof recordCheckin>>
      try {
        recorded = await recordCheckin(scoped, { workspaceId, briefId, signals, source: 'api' })
      } catch (error) {
        if (error instanceof InvalidInputError) throw invalidSignals(error.problems)
        throw error
      }
      if (!recorded) throw briefNotFound(briefId)
      return { status: 201, body: recorded }
    },
    (body) => `${API_BASE}/briefs/${briefId}/signals/${(body as { checkin: { id: string } }).checkin.id}`,
  )
}

export const listSignalsHandler: Handler = async ({ request, params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const query = readQuery(new URL(request.url).searchParams, CheckinListQuerySchema, { unknown: 'ignore' })
  const page = await listCheckins(await getDb(), { workspaceId, briefId, ...query })
  if (!page) throw briefNotFound(briefId)
  return json(page)
}

export const getSignalsHandler: Handler = async ({ params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const checkinId = params.checkinId ?? ''
  const found = CHECKIN_ID_PATTERN.test(checkinId)
    ? await getCheckin(await getDb(), { workspaceId, briefId, checkinId })
    : null
  if (!found) throw notFound(`Brief ${briefId} has no check-in ${describeValue(checkinId)}.`)
  return json(found)
}

export const statusHandler: Handler = async ({ params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const status = await briefStatus(await getDb(), { workspaceId, briefId })
  if (!status) throw briefNotFound(briefId)
  return json(status)
}

export const compareHandler: Handler = async ({ request, params, workspaceId }) => {
  const briefId = requireBriefId(params.id)
  const query = readCompareQuery(new URL(request.url).searchParams)
  const markdown = query.format ? query.format === 'md' : prefersMarkdown(request.headers.get('accept'))
  const result = await compareRevisions(await getDb(), { workspaceId, briefId, from: query.from, to: query.to })
  if (result.status === 'no_brief') throw briefNotFound(briefId)
  if (result.status === 'no_revision') {
    throw notFound(`Brief ${briefId} has no revision ${result.number}: its revisions are 1 to ${result.head}.`)
  }
  const { status: _, ...comparison } = result
  if (markdown) {
    return new Response(renderDiffMarkdown(comparison.diff), {
      headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store', Vary: 'Accept' },
    })
  }
  return json(comparison, { headers: { Vary: 'Accept' } })
}

/** 401 without a live token, 404 for a token of another brief (as if there were no such brief): nothing is read or written. */
async function requireBriefToken(db: Db, request: Request, briefId: string): Promise<void> {
  const header = request.headers.get('authorization')
  const token = header === null ? null : (/^Bearer +(\S+) *$/i.exec(header)?.[1] ?? null)
  if (token === null) {
    throw new ApiProblem(
      'unauthorized',
      'Posting a check-in needs a token made for this brief, sent as Authorization: Bearer sbt_….',
      // The header is not quoted back: it may hold a secret in the wrong shape.
      [
        problem(
          'Authorization',
          'Bearer and a token made for this brief',
          header === null ? 'nothing' : 'another form',
        ),
      ],
      { 'WWW-Authenticate': BEARER_REALM },
    )
  }
  const check = await authenticateToken(db, { briefId, token })
  if (check === 'wrong_brief') throw briefNotFound(briefId)
  if (check === 'invalid') {
    throw new ApiProblem(
      'unauthorized',
      'The token is unknown or revoked; make a new one on the brief page.',
      [problem('Authorization', 'a live token made for this brief', 'a token that is unknown or revoked')],
      { 'WWW-Authenticate': `${BEARER_REALM}, error="invalid_token"` },
    )
  }
}

function invalidSignals(problems: readonly Problem[]): ApiProblem {
  return new ApiProblem(
    'invalid-signals',
    `The check-in has ${countProblems(problems.length)}: ${problems[0].path}: ${problems[0].message}${problems.length > 1 ? ' …' : '.'}`,
    problems,
  )
}

export const COMPARE_FORMATS = ['json', 'md'] as const

function readCompareQuery(params: URLSearchParams): { from?: number; to?: number; format?: 'json' | 'md' } {
  const { values, problems } = singleValues(params, ['from', 'to', 'format'])
  const out: { from?: number; to?: number; format?: 'json' | 'md' } = {}
  for (const [name, value] of values) {
    if (name === 'format') {
      if ((COMPARE_FORMATS as readonly string[]).includes(value)) out.format = value as 'json' | 'md'
      else problems.push(problem(name, `one of ${COMPARE_FORMATS.join(', ')}`, describeValue(value)))
      continue
    }
    const number = parseRevisionNumber(value)
    if (number !== null) out[name as 'from' | 'to'] = number
    else problems.push(problem(name, 'a revision number: a whole number from 1', describeValue(value)))
  }
  if (problems.length > 0) throw invalidQuery(problems)
  return out
}

/** Markdown only when the client ranks text/markdown above JSON; a tie, `*\/*` or no Accept header gets JSON. */
export function prefersMarkdown(accept: string | null): boolean {
  if (!accept) return false
  let markdown = 0
  let jsonWeight = 0
  for (const part of accept.split(',')) {
    const [type = '', ...rest] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = rest.map((p) => /^q=([01](?:\.\d{0,3})?)$/.exec(p)?.[1]).find((v) => v !== undefined)
    const weight = q === undefined ? 1 : Number(q)
    if (type === 'text/markdown') markdown = Math.max(markdown, weight)
    else if (type === 'application/json') jsonWeight = Math.max(jsonWeight, weight)
  }
  return markdown > jsonWeight
}
