import { z } from 'zod'
import { AnswersSchema } from '#app/engine/answers.ts'
import { BriefSchema } from '#app/engine/brief.ts'
import { IDEMPOTENCY_KEY_PATTERN } from '#app/services/idempotency.server.ts'
import { MAX_BODY_BYTES } from './body.server.ts'
import {
  SIGNALS_INPUT_SCHEMAS,
  SIGNALS_OUTPUT_SCHEMAS,
  SIGNALS_SECURITY_SCHEMES,
  signalsDescription,
  signalsPaths,
} from './openapi-signals.server.ts'
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_IDS, PROBLEM_TYPES, problemTypeUri } from './problem.ts'
import {
  AnswersRequestSchema,
  BriefDetailSchema,
  BriefIdSchema,
  BriefPageSchema,
  BriefSummarySchema,
  ListQuerySchema,
  ProblemSchema,
  ProblemTypeSchema,
  RevisionListQuerySchema,
  RevisionListSchema,
  RevisionNoteSchema,
  RevisionNumberSchema,
  RevisionRecordSchema,
  RevisionSummarySchema,
  RevisionWithNotesSchema,
} from './schemas.server.ts'
import { choiceIdTable } from './vocabulary.ts'

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same zod
 * schemas the handlers parse with: request bodies as clients may write them
 * (`io: 'input'`, defaults optional), responses as the API returns them.
 */

type JsonObject = Record<string, unknown>

const SCHEMA_REF = '#/components/schemas/'

const INPUT_SCHEMAS = { Answers: AnswersSchema, AnswersRequest: AnswersRequestSchema, ...SIGNALS_INPUT_SCHEMAS }
const OUTPUT_SCHEMAS = {
  Brief: BriefSchema,
  BriefSummary: BriefSummarySchema,
  BriefDetail: BriefDetailSchema,
  BriefPage: BriefPageSchema,
  RevisionSummary: RevisionSummarySchema,
  RevisionRecord: RevisionRecordSchema,
  RevisionWithNotes: RevisionWithNotesSchema,
  RevisionNote: RevisionNoteSchema,
  RevisionList: RevisionListSchema,
  Problem: ProblemSchema,
  ProblemType: ProblemTypeSchema,
  ...SIGNALS_OUTPUT_SCHEMAS,
}

/** One response component per problem status, named as HTTP names the status. */
const PROBLEM_RESPONSES = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'ContentTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableContent',
  429: 'TooManyRequests',
  500: 'InternalError',
} as const
type ProblemStatus = keyof typeof PROBLEM_RESPONSES

let cached: JsonObject | undefined

/** The document; its server URL is absolute when the public origin is known (PUBLIC_URL, or the allowed Host). */
export function openApiDocument(publicOrigin?: string): JsonObject {
  cached ??= withServerRefusals(buildDocument())
  return publicOrigin ? { ...cached, servers: [{ url: `${publicOrigin}/api/v1` }] } : cached
}

function buildDocument(): JsonObject {
  const schemas = { ...generate(INPUT_SCHEMAS, 'input'), ...generate(OUTPUT_SCHEMAS, 'output') }
  const idParam = pathParam('id', BriefIdSchema, 'The brief id.')
  const numberParam = pathParam('n', RevisionNumberSchema, 'The revision number.')
  const body = {
    required: true,
    description: `Answers (version 1 or 2) as JSON, either bare or wrapped as \`{ "answers": … }\`. At most ${MAX_BODY_BYTES.toLocaleString('en-US')} bytes.`,
    content: { 'application/json': { schema: ref('AnswersRequest') } },
  }
  const create = (summary: string, schema: string) => ({
    description: summary,
    headers: {
      'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
      Location: { description: 'Where the new resource can be read.', schema: { type: 'string' } },
      'Idempotent-Replayed': {
        description: 'true when this is the stored response to an earlier request with the same Idempotency-Key.',
        schema: { type: 'string', enum: ['true'] },
      },
    },
    content: { 'application/json': { schema: ref(schema) } },
  })

  return {
    openapi: '3.1.0',
    info: {
      title: 'stackbrief API',
      version: '1',
      summary: 'Architecture Decision Briefs from feasibility answers: preview, save and revise.',
      description: `${DESCRIPTION()}${signalsDescription()}`,
    },
    servers: [{ url: '/api/v1' }],
    // Every operation needs one of these unless it says otherwise (check-ins take their brief's token).
    security: [{ apiKey: [] }, { session: [] }],
    tags: [
      { name: 'briefs', description: 'Saved briefs and their revisions.' },
      { name: 'check-ins', description: 'Measured figures checked in against a brief, and where it stands.' },
      { name: 'workspace', description: "The workspace's data as a whole: export." },
      { name: 'meta', description: 'This description and the problem types.' },
    ],
    paths: {
      '/briefs/preview': {
        post: {
          operationId: 'previewBrief',
          security: [],
          tags: ['briefs'],
          summary: 'Generate a brief from answers without saving anything',
          requestBody: body,
          responses: {
            200: ok('The brief for these answers.', 'Brief'),
            ...problems(400, 413, 415, 422, 500),
          },
        },
      },
      '/briefs': {
        get: {
          operationId: 'listBriefs',
          tags: ['briefs'],
          summary: 'List briefs, newest first, a page at a time',
          parameters: (['search', 'cursor', 'limit'] as const).map((name) => ({
            name,
            in: 'query',
            required: false,
            description: ListQuerySchema.shape[name].description,
            schema: jsonSchema(ListQuerySchema.shape[name], 'input'),
          })),
          responses: { 200: ok('One page of briefs.', 'BriefPage'), ...problems(400, 500) },
        },
        post: {
          operationId: 'createBrief',
          tags: ['briefs'],
          summary: 'Save answers as a new brief with its first revision',
          parameters: [{ $ref: '#/components/parameters/Idempotency-Key' }],
          requestBody: body,
          responses: {
            201: create('The new brief, with its first revision as head.', 'BriefDetail'),
            ...problems(400, 409, 413, 415, 422, 500),
          },
        },
      },
      '/briefs/{id}': {
        get: {
          operationId: 'getBrief',
          tags: ['briefs'],
          summary: 'Read a brief and its latest revision',
          parameters: [idParam],
          responses: { 200: ok('The brief and its latest revision.', 'BriefDetail'), ...problems(404, 500) },
        },
        delete: {
          operationId: 'deleteBrief',
          tags: ['briefs'],
          summary: 'Delete a brief: hidden at once, restorable for 30 days, then removed for good',
          parameters: [idParam],
          responses: {
            204: {
              description:
                'Deleted. The brief, its revisions and check-ins answer 404 from now on, and its tokens are refused.',
              headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
            },
            ...problems(404, 500),
          },
        },
      },
      '/briefs/{id}/restore': {
        post: {
          operationId: 'restoreBrief',
          tags: ['briefs'],
          summary: 'Restore a brief deleted in the last 30 days, as it was',
          parameters: [idParam],
          responses: {
            200: ok('The restored brief and its latest revision.', 'BriefDetail'),
            ...problems(404, 500),
          },
        },
      },
      '/briefs/{id}/revisions': {
        get: {
          operationId: 'listRevisions',
          tags: ['briefs'],
          summary: "List a brief's revisions, newest first, a page at a time",
          parameters: [
            idParam,
            ...(['cursor', 'limit'] as const).map((name) => ({
              name,
              in: 'query',
              required: false,
              description: RevisionListQuerySchema.shape[name].description,
              schema: jsonSchema(RevisionListQuerySchema.shape[name], 'input'),
            })),
          ],
          responses: {
            200: ok('One page of revisions, without answers and brief.', 'RevisionList'),
            ...problems(400, 404, 500),
          },
        },
        post: {
          operationId: 'addRevision',
          tags: ['briefs'],
          summary: 'Add a revision generated from new answers; it becomes the head',
          parameters: [idParam, { $ref: '#/components/parameters/Idempotency-Key' }],
          requestBody: body,
          responses: {
            201: create('The new revision.', 'RevisionRecord'),
            ...problems(400, 404, 409, 413, 415, 422, 500),
          },
        },
      },
      '/briefs/{id}/revisions/{n}': {
        get: {
          operationId: 'getRevision',
          tags: ['briefs'],
          summary: 'Read one revision: its answers, brief, versions and the notes that hold at it',
          parameters: [idParam, numberParam],
          responses: { 200: ok('The revision, with its notes.', 'RevisionWithNotes'), ...problems(404, 500) },
        },
      },
      '/export': {
        get: {
          operationId: 'exportWorkspace',
          tags: ['workspace'],
          summary: "Download the workspace's briefs, revisions, check-ins and notes as a zip of JSON",
          responses: {
            200: {
              description:
                'A zip of JSON files, streamed: the manifest, then each brief with its revisions, check-ins and notes. Tokens, drafts and deleted briefs are left out. `stackbrief import` reads it into another instance.',
              headers: {
                'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
                'Content-Disposition': {
                  description: 'attachment, with a dated file name',
                  schema: { type: 'string' },
                },
              },
              content: { 'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } } },
            },
            ...problems(500),
          },
        },
      },
      ...signalsPaths({ ref, ok, problems, create, idParam, jsonSchema }),
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          security: [],
          tags: ['meta'],
          summary: 'This description',
          responses: {
            200: {
              description: 'The OpenAPI 3.1 description of this API.',
              headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      '/problems/{type}': {
        get: {
          operationId: 'getProblemType',
          security: [],
          tags: ['meta'],
          summary: 'What a problem type means',
          parameters: [
            {
              name: 'type',
              in: 'path',
              required: true,
              description: 'The last part of a problem `type`.',
              schema: { type: 'string', enum: PROBLEM_TYPE_IDS },
            },
          ],
          responses: { 200: ok('The problem type.', 'ProblemType'), ...problems(404) },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key made on the settings page (/settings/api-keys): sbk_ and 43 characters, shown once, only its hash kept. It acts as the person who made it, in their workspace, with their role there, until it is revoked. Without a key or a session the API answers 401; a brief the key may not see is a 404.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'stackbrief.session_token',
          description:
            'The session cookie of a signed-in browser (or of an anonymous visitor who has written a brief); the name carries a __Secure- prefix when the app is served over https.',
        },
        ...SIGNALS_SECURITY_SCHEMES,
      },
      parameters: {
        'Idempotency-Key': {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Makes the create safe to retry: within 24 hours the same key with the same body gets the first response again (with Idempotent-Replayed: true); the same key with another body gets 409. Keys are scoped to the workspace and the operation.',
          schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        'X-Request-Id': {
          description: 'The id of this request, as given by the client (when well formed) or made by the server.',
          schema: { type: 'string' },
        },
      },
      responses: Object.fromEntries(
        (Object.entries(PROBLEM_RESPONSES) as [string, string][]).map(([status, name]) => [
          name,
          problemResponse(Number(status) as ProblemStatus),
        ]),
      ),
    },
  }
}

/**
 * What the server answers before any handler (server/): 403 to a write from a page of another
 * site, 429 past a rate limit. Every write may meet them, so they are added to every POST here.
 */
function withServerRefusals(document: JsonObject): JsonObject {
  for (const item of Object.values(document.paths as Record<string, Record<string, JsonObject>>)) {
    const responses = item.post?.responses as JsonObject | undefined
    if (responses) Object.assign(responses, problems(403, 429))
  }
  return document
}

function ref(name: string): JsonObject {
  return { $ref: `${SCHEMA_REF}${name}` }
}

function ok(description: string, schema: string): JsonObject {
  return {
    description,
    headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
    content: { 'application/json': { schema: ref(schema) } },
  }
}

function problems(...statuses: ProblemStatus[]): Record<string, JsonObject> {
  return Object.fromEntries(
    statuses.map((status) => [String(status), { $ref: `#/components/responses/${PROBLEM_RESPONSES[status]}` }]),
  )
}

function problemResponse(status: ProblemStatus): JsonObject {
  const types = PROBLEM_TYPE_IDS.filter((id) => PROBLEM_TYPES[id].status === status)
  const headers: JsonObject = { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } }
  if (status === 405) headers.Allow = { description: 'The methods this path accepts.', schema: { type: 'string' } }
  if (status === 429) {
    headers['Retry-After'] = {
      description: 'Seconds until the limit allows this client again.',
      schema: { type: 'integer' },
    }
  }
  return {
    description: types.map((t) => `\`${problemTypeUri(t)}\`: ${PROBLEM_TYPES[t].description}`).join(' '),
    headers,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
  }
}

function pathParam(name: string, schema: z.ZodType, description: string): JsonObject {
  return { name, in: 'path', required: true, description, schema: jsonSchema(schema, 'input') }
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io }) as JsonObject
  return rest
}

/**
 * Component schemas with `$ref`s between them. The stored answers in a
 * response are described by the request schema (a parsed Answers is a valid
 * Answers with every default filled in), since zod cannot describe the
 * output of its transforms.
 */
function generate(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id })
  const answersInOutput = new Set<unknown>([AnswersSchema, RevisionRecordSchema.shape.answers])
  const { schemas } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `${SCHEMA_REF}${id}`,
    unrepresentable: io === 'output' ? 'any' : 'throw',
    override: (ctx) => {
      if (io !== 'output' || !answersInOutput.has(ctx.zodSchema)) return
      const description = (ctx.jsonSchema as JsonObject).description
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonObject)[key]
      Object.assign(ctx.jsonSchema, ref('Answers'), description ? { description } : {})
    },
  })
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as JsonObject
      return [id, rest]
    }),
  )
}

function problemTypeList(): string {
  return PROBLEM_TYPE_IDS.map(
    (id) => `- \`${problemTypeUri(id)}\` (${PROBLEM_TYPES[id].status}): ${PROBLEM_TYPES[id].description}`,
  ).join('\n')
}

const DESCRIPTION = () => `
Turn a startup's feasibility answers (Answers v1) into an Architecture Decision Brief (Brief v1), and keep
briefs with their history: every save is an immutable, numbered revision holding the answers, the brief and
the engine and catalog versions that made it.

## Request bodies

Every body is JSON (\`Content-Type: application/json\`, UTF-8, at most ${MAX_BODY_BYTES.toLocaleString('en-US')}
bytes) holding Answers v1, either bare (\`{ "version": 1, "product": … }\`) or wrapped as
\`{ "answers": { "version": 1, … } }\`. Optional fields may be left out and take the defaults the schema
names; unknown fields are refused. Responses hold the answers as stored: every default filled in.

## Errors

Errors are problem details (RFC 9457, \`${PROBLEM_CONTENT_TYPE}\`) with \`type\`, \`title\`, \`status\`,
\`detail\`, the \`requestId\`, and for bad input \`errors\`: one entry per problem, each with the \`path\` (an
answer path such as \`team.languages[1]\`, a parameter or a header), what was \`expected\`, what was \`got\`, and
a \`message\`. A \`type\` is a path under this API that describes it:

${problemTypeList()}

A method a path does not accept gets 405 with an \`Allow\` header. Every response carries \`X-Request-Id\`.

## Idempotent creates

\`POST /briefs\` and \`POST /briefs/{id}/revisions\` accept an \`Idempotency-Key\` header (1 to 255 visible ASCII
characters; a UUID is a good choice). For **24 hours** the key is remembered with a hash of the request:
the same key with the same body returns the first response again (same status and body, with
\`Idempotent-Replayed: true\`) and creates nothing; the same key with a different body is refused with 409.
Keys are scoped to the workspace and the operation. A request that failed is not remembered.

## Deleting

\`DELETE /briefs/{id}\` answers 204 and hides the brief everywhere at once: it, its revisions and check-ins
answer 404, and its tokens are refused. For 30 days \`POST /briefs/{id}/restore\` brings it back as it was;
after that it is removed for good, with its revisions, check-ins and tokens.

## Pages

\`GET /briefs\` and \`GET /briefs/{id}/revisions\` return \`{ items, nextCursor }\`, newest first. Pass \`nextCursor\` back as \`cursor\` for the
next page; it is null on the last. Cursors are opaque: send them back unchanged.

## Choice ids

\`decisions[].choice.id\` is a stable vocabulary, per area (an area that does not apply says \`none\`, with the
reason):

${choiceIdTable()}
`
