import type { LoaderFunctionArgs } from '@remix-run/node'
import { sharedRadarCsv } from '#app/web/shared-brief.server.ts'

/** The shared revision as a "build your own radar" CSV. */
export async function loader({ params }: LoaderFunctionArgs) {
  return sharedRadarCsv(params.token)
}
