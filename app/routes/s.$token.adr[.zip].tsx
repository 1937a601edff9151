import type { LoaderFunctionArgs } from '@remix-run/node'
import { sharedAdrZip } from '#app/web/shared-brief.server.ts'

/** The decision records up to the shared revision, as a zip of docs/decisions/. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  return sharedAdrZip(context, params.token)
}
