import express from 'express'
import { z } from 'zod'

/**
 * What an operator sets for a public instance, read once at start and
 * checked with zod, so a bad value stops the start with one clear line
 * instead of surfacing as odd links or refused requests later.
 */

export interface ServerConfig {
  /** The origin the app is reached at (`https://briefs.example.com`), or null when PUBLIC_URL is unset. */
  publicOrigin: string | null
  /** Express's `trust proxy` value: false (the socket address is the client), true, a hop count, or addresses. */
  trustProxy: boolean | number | string
  /** The bearer token that opens /metrics to other hosts; null keeps it to localhost. */
  metricsToken: string | null
  /** Rate limits on writes; `RATE_LIMITS=off` turns them off (benchmarks, a trusted network). */
  rateLimits: boolean
  /** BETTER_AUTH_SECRET; null generates one and keeps it in the data folder (server/auth-secret.ts). */
  authSecret: string | null
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const PublicUrlSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `expected an absolute http(s) URL such as https://briefs.example.com, got "${text}"`,
      })
      return z.NEVER
    }
    const wrong = (message: string) => {
      ctx.addIssue({ code: 'custom', message: `${message}, got "${text}"` })
      return z.NEVER
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return wrong('expected http: or https:')
    if (url.username || url.password) return wrong('expected no user name or password in the URL')
    if (url.pathname !== '/' || url.search || url.hash) {
      return wrong('expected an origin only (the app is served from /), with no path, query or fragment')
    }
    return url.origin
  })

const TrustProxySchema = z
  .string()
  .trim()
  .transform((text, ctx): boolean | number | string => {
    const lower = text.toLowerCase()
    if (lower === '' || lower === 'false' || lower === '0' || lower === 'off') return false
    if (lower === 'true' || lower === 'on') return true
    if (/^\d+$/.test(lower)) return Number(lower)
    try {
      // Express compiles the value when it is set: an address or subnet it cannot read throws here.
      express().set('trust proxy', text)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      ctx.addIssue({
        code: 'custom',
        message: `expected false, true, a number of proxies, or addresses/subnets such as "loopback, 10.0.0.0/8" (${reason}), got "${text}"`,
      })
      return z.NEVER
    }
    return text
  })

const MetricsTokenSchema = z
  .string()
  .min(16, 'expected at least 16 characters (a random token, such as `openssl rand -hex 24`)')
  .regex(/^[\x21-\x7e]+$/, 'expected printable ASCII with no spaces')

const RateLimitsSchema = z.enum(['on', 'off'], { message: 'expected "on" or "off"' })

const AuthSecretSchema = z
  .string()
  .min(32, 'expected at least 32 characters (a random secret, such as `openssl rand -base64 32`)')

const EnvSchema = z.object({
  PUBLIC_URL: PublicUrlSchema.optional(),
  TRUST_PROXY: TrustProxySchema.optional(),
  METRICS_TOKEN: MetricsTokenSchema.optional(),
  RATE_LIMITS: RateLimitsSchema.optional(),
  BETTER_AUTH_SECRET: AuthSecretSchema.optional(),
})

/** The configuration from the environment; throws ConfigError naming each variable that is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in EnvSchema.shape && value !== undefined && value.trim() !== ''),
  )
  const parsed = EnvSchema.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`)
  }
  const { PUBLIC_URL, TRUST_PROXY, METRICS_TOKEN, RATE_LIMITS, BETTER_AUTH_SECRET } = parsed.data
  return {
    publicOrigin: PUBLIC_URL ?? null,
    trustProxy: TRUST_PROXY ?? false,
    metricsToken: METRICS_TOKEN ?? null,
    rateLimits: RATE_LIMITS !== 'off',
    authSecret: BETTER_AUTH_SECRET ?? null,
  }
}

/** True when the app is served over https, which decides HSTS and upgrade-insecure-requests. */
export function servedOverHttps(config: ServerConfig): boolean {
  return config.publicOrigin?.startsWith('https:') ?? false
}
