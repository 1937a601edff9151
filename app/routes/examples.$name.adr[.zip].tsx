import type { LoaderFunctionArgs } from '@remix-run/node'
import { REVIEW_AFTER_DAYS } from '#app/engine/review-policy.ts'
import { zipRecords } from '#app/export/adr/zip.ts'
import { addDays, exportAdrs } from '#app/export/adr.ts'
import { guideBaseUrl } from '#app/web/public-url.server.ts'
import { requireExample } from '#app/web/request.server.ts'

/** The example's decision records (MADR, docs/decisions/) as a zip, dated today. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const example = requireExample(params.name)
  const date = new Date().toISOString().slice(0, 10)
  const { files } = exportAdrs(example.brief, example.answers, {
    date,
    reviewBy: addDays(date, REVIEW_AFTER_DAYS),
    briefId: `example-${example.name}`,
    revision: 1,
    guideBaseUrl: guideBaseUrl(context),
  })
  return new Response(zipRecords(files, { date }), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${example.name}-decisions.zip"`,
      'Cache-Control': 'public, max-age=300',
    },
  })
}
