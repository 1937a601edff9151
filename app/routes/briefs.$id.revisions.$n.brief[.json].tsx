import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadName, loadRevision } from '#app/web/brief-page.server.ts'

/** One revision's Brief as a JSON file, exactly as the engine returned it (schema version 2, or 1 for older revisions). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { revision } = await loadRevision(request, context, params.id, params.n ?? '', { history: false })
  return new Response(`${JSON.stringify(revision.storedBrief ?? revision.brief, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${downloadName(revision.title, revision.number)}.json"`,
      // A revision never changes once written.
      'Cache-Control': 'private, max-age=3600',
    },
  })
}
