import type { LoaderFunctionArgs } from '@remix-run/node'
import { describeValue } from '#app/lib/problems.ts'
import { requestIdOf } from '#app/web/request.server.ts'
import { errorResponse, type Handler } from './endpoint.server.ts'
import { openApiDocument } from './openapi.server.ts'
import { notFound, PROBLEM_TYPE_IDS, PROBLEM_TYPES, type ProblemType, problemTypeUri } from './problem.ts'

/** The API describing itself: its OpenAPI document, its problem types, and a 404 for anything else. */

export const openApiHandler: Handler = async ({ publicOrigin }) =>
  new Response(JSON.stringify(openApiDocument(publicOrigin)), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  })

export const problemTypeHandler: Handler = async ({ params }) => {
  const type = params.type ?? ''
  if (!(PROBLEM_TYPE_IDS as string[]).includes(type)) {
    throw notFound(`There is no problem type ${describeValue(type)}.`)
  }
  const { status, title, description } = PROBLEM_TYPES[type as ProblemType]
  return new Response(JSON.stringify({ type: problemTypeUri(type as ProblemType), title, status, description }), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  })
}

export async function unknownPathHandler({ request, context }: LoaderFunctionArgs): Promise<Response> {
  const { pathname } = new URL(request.url)
  return errorResponse(
    notFound(`There is no API path ${pathname}; /api/v1/openapi.json lists every path.`),
    requestIdOf(context),
  )
}
