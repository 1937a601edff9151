import type { LoaderFunctionArgs } from '@remix-run/node'
import { sharedPdf } from '#app/web/shared-brief.server.ts'

/** The shared revision as a PDF, on the paper and with the names saved for the brief's downloads. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  return sharedPdf(context, params.token)
}
