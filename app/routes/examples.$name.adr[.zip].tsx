import type { LoaderFunctionArgs } from '@remix-run/node'
import { addDays, DEFAULT_REVIEW_DAYS, exportAdrs } from '~/export/adr'
import { zipRecords } from '~/export/adr/zip'
import { findExample } from '~/services/examples.server'
import { guideBaseUrl } from '~/web/public-url.server'

/** The example's decision records (MADR, docs/decisions/) as a zip, dated today. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const name = params.name ?? ''
  const example = findExample(name)
  if (!example) {
    return new Response(`There is no example brief called "${name}".\n`, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const date = new Date().toISOString().slice(0, 10)
  const { files } = exportAdrs(example.brief, example.answers, {
    date,
    reviewBy: addDays(date, DEFAULT_REVIEW_DAYS),
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
