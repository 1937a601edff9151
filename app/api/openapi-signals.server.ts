import type { z } from 'zod'
import { BriefDiffSchema } from '#app/engine/diff.ts'
import { REVIEW_AFTER_DAYS } from '#app/engine/review-policy.ts'
import { TriggerEvaluationSchema } from '#app/engine/signals.ts'
import { TOKEN_PATTERN } from '#app/services/tokens.server.ts'
import {
  BriefStatusSchema,
  CheckinIdSchema,
  CheckinListQuerySchema,
  CheckinPageSchema,
  CheckinRecordedSchema,
  CheckinSchema,
  RevisionComparisonSchema,
  SignalsInputSchema,
} from './signals-schemas.server.ts'

/**
 * The check-in, status and comparison paths of the OpenAPI description,
 * built with the generator's own helpers and spread into its document.
 */

type JsonObject = Record<string, unknown>
type Status = 400 | 401 | 404 | 409 | 413 | 415 | 422 | 500

export interface OpenApiHelpers {
  ref(name: string): JsonObject
  ok(description: string, schema: string): JsonObject
  problems(...statuses: Status[]): Record<string, JsonObject>
  create(description: string, schema: string): JsonObject
  idParam: JsonObject
  jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject
}

export const SIGNALS_INPUT_SCHEMAS = { SignalsInput: SignalsInputSchema }
export const SIGNALS_OUTPUT_SCHEMAS = {
  Checkin: CheckinSchema,
  CheckinPage: CheckinPageSchema,
  CheckinRecorded: CheckinRecordedSchema,
  TriggerEvaluation: TriggerEvaluationSchema,
  BriefStatus: BriefStatusSchema,
  BriefDiff: BriefDiffSchema,
  RevisionComparison: RevisionComparisonSchema,
}

export const SIGNALS_SECURITY_SCHEMES = {
  briefToken: {
    type: 'http',
    scheme: 'bearer',
    description: `A token made for one brief on its page: sbt_ and 32 letters and digits (${TOKEN_PATTERN.source}). It is shown once; only its hash is kept. It can post check-ins to that brief and nothing else.`,
  },
}

export function signalsPaths(h: OpenApiHelpers): Record<string, JsonObject> {
  const checkinIdParam = {
    name: 'checkinId',
    in: 'path',
    required: true,
    description: 'The check-in id.',
    schema: h.jsonSchema(CheckinIdSchema, 'input'),
  }
  const revisionQuery = (name: 'from' | 'to', description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
  })
  return {
    '/briefs/{id}/signals': {
      get: {
        operationId: 'listCheckins',
        tags: ['check-ins'],
        summary: "List a brief's check-ins, newest first, a page at a time",
        parameters: [
          h.idParam,
          ...(['cursor', 'limit'] as const).map((name) => ({
            name,
            in: 'query',
            required: false,
            description: CheckinListQuerySchema.shape[name].description,
            schema: h.jsonSchema(CheckinListQuerySchema.shape[name], 'input'),
          })),
        ],
        responses: { 200: h.ok('One page of check-ins.', 'CheckinPage'), ...h.problems(400, 404, 500) },
      },
      post: {
        operationId: 'recordCheckin',
        tags: ['check-ins'],
        summary: "Record measured figures and judge them against the latest revision's triggers",
        description:
          'Needs a token made for this brief. A missing, unknown or revoked token gets 401 with WWW-Authenticate; a token of another brief gets 404. Either way nothing is written.',
        security: [{ briefToken: [] }],
        parameters: [h.idParam, { $ref: '#/components/parameters/Idempotency-Key' }],
        requestBody: {
          required: true,
          description:
            'The check-in as JSON: measuredAt and at least one figure, each a number in its canonical unit or { "value", "unit" }.',
          content: { 'application/json': { schema: h.ref('SignalsInput') } },
        },
        responses: {
          201: h.create('The check-in as stored, with every trigger judged on it.', 'CheckinRecorded'),
          ...h.problems(400, 401, 404, 409, 413, 415, 422, 500),
        },
      },
    },
    '/briefs/{id}/signals/{checkinId}': {
      get: {
        operationId: 'getCheckin',
        tags: ['check-ins'],
        summary: 'Read one check-in',
        parameters: [h.idParam, checkinIdParam],
        responses: { 200: h.ok('The check-in.', 'Checkin'), ...h.problems(404, 500) },
      },
    },
    '/briefs/{id}/status': {
      get: {
        operationId: 'getBriefStatus',
        tags: ['check-ins'],
        summary: "The latest revision's triggers judged against the newest check-in, and the review date",
        parameters: [h.idParam],
        responses: { 200: h.ok('Where the brief stands.', 'BriefStatus'), ...h.problems(404, 500) },
      },
    },
    '/briefs/{id}/compare': {
      get: {
        operationId: 'compareRevisions',
        tags: ['briefs'],
        summary: 'What moved between two revisions: answers, decisions, triggers, risks and costs',
        description:
          'Without from and to, compares the latest two revisions; with only to, the one before it; with only from, against the latest. JSON by default; Markdown with `format=md` or `Accept: text/markdown`.',
        parameters: [
          h.idParam,
          revisionQuery('from', 'The earlier revision number.'),
          revisionQuery('to', 'The later revision number.'),
          {
            name: 'format',
            in: 'query',
            required: false,
            description: 'json or md; wins over the Accept header.',
            schema: { type: 'string', enum: ['json', 'md'] },
          },
        ],
        responses: {
          200: {
            description: 'The comparison.',
            headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
            content: {
              'application/json': { schema: h.ref('RevisionComparison') },
              'text/markdown': { schema: { type: 'string' } },
            },
          },
          ...h.problems(400, 404, 500),
        },
      },
    },
  }
}

export const signalsDescription = () => `
## Check-ins and status

A team checks in measured figures (\`POST /briefs/{id}/signals\`) and sees where the brief stands
(\`GET /briefs/{id}/status\`): every migration trigger of the latest revision judged against the newest
check-in (the latest measured day; on the same day, the later write), with the step to take and its guide.
A brief is due for review ${REVIEW_AFTER_DAYS} days after its latest revision unless another date was chosen.

Posting a check-in needs \`Authorization: Bearer sbt_…\` with a token made for that brief on its page. The
same \`Idempotency-Key\` rules apply as for the creates above.
`
