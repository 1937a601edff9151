import type { LoaderFunctionArgs } from '@remix-run/node'
import { sharedMarkdown } from '#app/web/shared-brief.server.ts'

/** The shared revision as Markdown, with the names saved for the brief's downloads. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  return sharedMarkdown(context, params.token)
}
