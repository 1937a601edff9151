import { betterAuth } from 'better-auth'
import { APIError } from 'better-auth/api'
import { anonymous } from 'better-auth/plugins'
import type pino from 'pino'
import { claimAnonymousWork, placeNewAccount } from '#app/services/accounts.server.ts'
import { ANONYMOUS_SESSION_DAYS } from '#app/vocabulary/accounts.ts'
import type { Db } from '#db/client.server.ts'
import type { ServerConfig } from './config.ts'
import { servedOverHttps } from './config.ts'
import { isLocalHost, parseHost } from './hosts.ts'

/**
 * Sign-up, sign-in, sessions and anonymous identities, on our database and
 * our migrations (db/migrations/0009-accounts.ts). One instance per app,
 * built from that app's settings and database: two apps in one process (a
 * test's laptop and public instance) each keep their own origins and cookies.
 */

export const AUTH_BASE_PATH = '/api/auth'

export interface AuthSettings {
  db: Db
  config: ServerConfig
  secret: string
  logger: pino.Logger
}

export function createAuth({ db, config, secret, logger }: AuthSettings) {
  return betterAuth({
    appName: 'stackbrief',
    basePath: AUTH_BASE_PATH,
    // Without PUBLIC_URL the origin is the request's own, which the Host allowlist has limited to this machine.
    ...(config.publicOrigin ? { baseURL: config.publicOrigin } : {}),
    secret,
    database: { db: db.db, type: db.dialect },
    user: { modelName: 'auth_user' },
    session: {
      modelName: 'auth_session',
      // An anonymous founder's briefs are reachable only through this cookie: it lasts a month
      // after the last visit (renewed at most daily), and the banner says so.
      expiresIn: ANONYMOUS_SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      // A signed copy of the session in a cookie for a minute saves a database read on every page;
      // a revoked session stops within that minute.
      cookieCache: { enabled: true, maxAge: 60 },
    },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 200, autoSignIn: true },
    trustedOrigins: (request) => trustedOrigins(request, config),
    // Sign-in and sign-up are limited per client by server/rate-limit.ts, on the database every instance shares.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      useSecureCookies: servedOverHttps(config),
      cookiePrefix: 'stackbrief',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    logger: {
      log: (level, message) => {
        const log = level === 'error' ? logger.error : level === 'warn' ? logger.warn : logger.debug
        log.call(logger, { component: 'auth' }, message)
      },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            checkName(user.name)
          },
          after: async (user) => {
            await placeNewAccount(db, { userId: user.id, anonymous: Boolean(user.isAnonymous), name: user.name })
          },
        },
        update: {
          before: async (user) => {
            if (user.name !== undefined) checkName(user.name)
          },
        },
      },
    },
    plugins: [
      anonymous({
        emailDomainName: 'anonymous.stackbrief.invalid',
        generateName: () => 'Anonymous',
        onLinkAccount: async ({ anonymousUser, newUser }) => {
          await claimAnonymousWork(db, { anonymousUserId: anonymousUser.user.id, userId: newUser.user.id })
        },
      }),
    ],
  })
}

export type Auth = ReturnType<typeof createAuth>

/** The longest name an account keeps, as the sign-up form says. */
export const MAX_NAME_LENGTH = 80

/** The auth endpoints take names as the sign-up form does: at most 80 characters, no control characters. */
function checkName(name: unknown) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (typeof name === 'string' && name.length <= MAX_NAME_LENGTH && !/[\u0000-\u001f\u007f]/.test(name)) return
  throw new APIError('BAD_REQUEST', {
    message: `name: expected at most ${MAX_NAME_LENGTH} characters without control characters`,
  })
}

/** The origins allowed to post to the auth endpoints: PUBLIC_URL's, or (unset) this machine's on any port. */
export function trustedOrigins(request: Request | undefined, config: ServerConfig): string[] {
  if (config.publicOrigin) return [config.publicOrigin]
  const origin = request?.headers.get('origin')
  if (!origin) return []
  try {
    const url = new URL(origin)
    return isLocalHost(parseHost(url.host)) ? [url.origin] : []
  } catch {
    return []
  }
}
