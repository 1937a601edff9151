import type { LoaderFunctionArgs } from '@remix-run/node'
import { findExample } from '#app/services/examples.server.ts'
import { parsePdfQuery, pdfResponse } from '#app/web/brief-pdf.server.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'
import { requestIdOf } from '#app/web/request.server.ts'

/** The example brief as a PDF, dated today; `?pageSize=letter&preparedBy=…&client=…` fill the cover. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const name = params.name ?? ''
  const example = findExample(name)
  if (!example) {
    return new Response(`There is no example brief called "${name}".\n`, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const query = parsePdfQuery(request, requestIdOf(context))
  if (query instanceof Response) return query
  return pdfResponse({
    brief: example.brief,
    answers: example.answers,
    options: { ...query, date: new Date().toISOString().slice(0, 10), guideBaseUrl: guideBaseUrl(context) },
    filename: `${example.name}.pdf`,
    cacheControl: 'public, max-age=300',
  })
}
