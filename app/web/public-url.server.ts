import { z } from 'zod'
import type { Logger } from './logger.server.ts'
import { loggerOf } from './request.server.ts'

/**
 * The address people reach this server at, from `PUBLIC_URL`
 * (`https://briefs.example.com`, no trailing slash): downloaded files link
 * their guides under it so the links work outside the app. Without it the
 * files name their guides and link nothing, rather than link a host header.
 */
const PublicUrlSchema = z
  .url({ protocol: /^https?$/, error: 'an http or https address such as https://briefs.example.com' })
  .transform((url) => url.replace(/\/+$/, ''))

let warned = false

export function publicUrl(
  env: NodeJS.ProcessEnv = process.env,
  logger: Logger = loggerOf(undefined),
): string | undefined {
  const raw = env.PUBLIC_URL?.trim()
  if (!raw) return undefined
  const parsed = PublicUrlSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  if (!warned) {
    warned = true
    logger.warn(
      { got: raw.slice(0, 200) },
      'PUBLIC_URL is not an http or https address; downloads name their guides without links',
    )
  }
  return undefined
}

/**
 * The base for guide links in downloads: the server's PUBLIC_URL as it read
 * it at start (server/config.ts, in the load context), or the environment's
 * when a route is called without a server.
 */
export function guideBaseUrl(context: { publicUrl?: string | null } | undefined): string | undefined {
  if (context && 'publicUrl' in context) return context.publicUrl ?? undefined
  return publicUrl(process.env, loggerOf(context))
}
