import type { LoaderFunctionArgs } from '@remix-run/node'
import { parsePdfQuery, pdfResponse } from '#app/web/brief-pdf.server.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'
import { requestIdOf, requireExample } from '#app/web/request.server.ts'

/** The example brief as a PDF, dated today; `?pageSize=letter&preparedBy=…&client=…` fill the cover. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const example = requireExample(params.name)
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
