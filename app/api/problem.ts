import type { Problem } from '#app/lib/problems.ts'

/**
 * Every kind of error the API answers with, as RFC 9457 problem details
 * (`application/problem+json`). The `type` of each is a path under the API
 * that describes it, so a client can look up what a problem means and
 * branch on `type` rather than on the words of `title`.
 */

export const PROBLEM_TYPES = {
  'invalid-json': {
    status: 400,
    title: 'The body is not valid JSON',
    description: 'The body is empty, is not UTF-8, or does not parse as JSON.',
  },
  'invalid-host': {
    status: 400,
    title: 'Unknown host',
    description:
      'The Host header names a host this server does not serve: the host of its PUBLIC_URL, or localhost when PUBLIC_URL is unset.',
  },
  'invalid-parameter': {
    status: 400,
    title: 'A parameter is not valid',
    description:
      'A query parameter or header (limit, cursor, search, from, to, format, Idempotency-Key) has a value the API cannot use.',
  },
  unauthorized: {
    status: 401,
    title: 'A valid token is required',
    description:
      'Posting check-ins needs `Authorization: Bearer` with a live token made for this brief on its page; the token is missing, unknown or revoked.',
  },
  'authentication-required': {
    status: 401,
    title: 'An API key or a session is required',
    description:
      'Send `Authorization: Bearer sbk_…` with an API key made on the settings page, or call from a signed-in browser session.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed for this role',
    description:
      'The key or session can read this brief, but its role in the workspace (viewer, editor, admin, owner) does not allow this change.',
  },
  'cross-site-request': {
    status: 403,
    title: 'Cross-site request refused',
    description:
      "A request that changes something came from a page of another site (its Origin is not this server's, or Sec-Fetch-Site says cross-site). Scripts send no Origin and are not affected.",
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    description: 'There is no such brief, revision, check-in or API path in this workspace.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'The path exists but does not accept this method; the Allow header lists those it does.',
  },
  'idempotency-key-reused': {
    status: 409,
    title: 'The Idempotency-Key was used for a different request',
    description:
      'A request in the last 24 hours used the same Idempotency-Key for the same operation with a different body. Use a new key for a new request.',
  },
  'quota-exceeded': {
    status: 409,
    title: 'The brief holds as much as it may',
    description:
      'The brief already has the most revisions (10,000 by default) or check-ins (1,000,000 by default) one brief may hold on this instance. Start a new brief to go on.',
  },
  'body-too-large': {
    status: 413,
    title: 'The body is too large',
    description: 'Request bodies are limited to 256 KB (262,144 bytes).',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported content type',
    description: 'Request bodies must be sent as application/json (UTF-8).',
  },
  'invalid-answers': {
    status: 422,
    title: 'The answers are not valid',
    description:
      'The body is JSON but not valid Answers v1; `errors` lists every problem with its path, what was expected and what was got.',
  },
  'invalid-signals': {
    status: 422,
    title: 'The check-in is not valid',
    description:
      'The body is JSON but not a valid check-in (a measuredAt day and at least one figure in an accepted unit); `errors` lists every problem.',
  },
  'too-many-requests': {
    status: 429,
    title: 'Too many requests',
    description:
      'This client sent more requests of this kind than the limit allows in the current window; Retry-After says in how many seconds to try again.',
  },
  internal: {
    status: 500,
    title: 'Internal error',
    description: 'Something failed on the server. Quote the X-Request-Id when reporting it.',
  },
} as const satisfies Record<string, { status: number; title: string; description: string }>

export type ProblemType = keyof typeof PROBLEM_TYPES
export const PROBLEM_TYPE_IDS = Object.keys(PROBLEM_TYPES) as ProblemType[]

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'
/** Problems listed in one response at most; `detail` says how many there were. */
export const MAX_LISTED_ERRORS = 100

export function problemTypeUri(type: ProblemType): string {
  return `/api/v1/problems/${type}`
}

/** A problem the request caused: thrown anywhere below a handler and answered as problem details. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly errors: readonly Problem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
    this.name = 'ApiProblem'
  }

  get status(): number {
    return PROBLEM_TYPES[this.type].status
  }
}

/** The API's one 404: the detail names what is not there (another workspace's brief is not there either). */
export function notFound(detail: string): ApiProblem {
  return new ApiProblem('not-found', detail)
}

export function briefNotFound(briefId: string): ApiProblem {
  return notFound(`There is no brief ${briefId}.`)
}

export interface ProblemBody {
  type: string
  title: string
  status: number
  detail: string
  errors?: Problem[]
  requestId?: string
}

export function problemBody(problem: ApiProblem, requestId?: string): ProblemBody {
  const { status, title } = PROBLEM_TYPES[problem.type]
  const body: ProblemBody = { type: problemTypeUri(problem.type), title, status, detail: problem.detail }
  if (problem.errors.length > 0) {
    body.errors = problem.errors.slice(0, MAX_LISTED_ERRORS)
    if (problem.errors.length > MAX_LISTED_ERRORS) {
      body.detail += ` (the first ${MAX_LISTED_ERRORS} of ${problem.errors.length} problems are listed)`
    }
  }
  if (requestId) body.requestId = requestId
  return body
}

export function problemResponse(problem: ApiProblem, requestId?: string): Response {
  return new Response(JSON.stringify(problemBody(problem, requestId)), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...problem.headers },
  })
}

export function countProblems(n: number): string {
  return n === 1 ? '1 problem' : `${n} problems`
}
