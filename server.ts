import { randomUUID } from 'node:crypto'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import { projectRoot } from '#app/lib/project-root.server.ts'
import { createLogger, type Logger } from '#app/web/logger.server.ts'
import { refuseUndecodablePaths } from '#app/web/request-guards.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { anonymousFirst, mountAuth } from './server/accounts.ts'
import { createAuth } from './server/auth.ts'
import { authSecret } from './server/auth-secret.ts'
import { loadConfig, type ServerConfig } from './server/config.ts'
import { crossSiteCheck } from './server/cross-site.ts'
import { cspNonce, makeNonce, securityHeaders } from './server/headers.ts'
import { hostAllowlist, publicOriginOf } from './server/hosts.ts'
import { identityResolver } from './server/identity.ts'
import { metricsAccess } from './server/metrics-access.ts'
import { rateLimits } from './server/rate-limit.ts'

/**
 * The HTTP server: request ids, structured logs, RED metrics by route,
 * security headers, the Host allowlist, cross-site and rate limit checks
 * (each in its own module under server/), static assets, and the Remix
 * request handler. The same code serves
 * development (Vite middleware) and production (the built server bundle).
 */

const REQUEST_ID_HEADER = 'x-request-id'
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/
const ONE_YEAR = '1y'

export interface AppOptions {
  mode?: 'development' | 'production'
  logger?: Logger
  /** The operator's settings; read from the environment when not given. */
  config?: ServerConfig
  /** The database; the process-wide one (DATABASE_URL) when not given. */
  db?: Db
}

export async function createApp({
  mode = 'production',
  logger = createLogger(),
  config = loadConfig(),
  db,
}: AppOptions = {}) {
  const database = db ?? (await getDb())
  // This app's own accounts: built from its settings and database, never shared with another app in the process.
  const auth = createAuth({
    db: database,
    config,
    secret: authSecret(config.authSecret ?? undefined, database, logger),
    logger,
  })
  const app = express()
  app.disable('x-powered-by')
  // Off unless TRUST_PROXY says a proxy sets X-Forwarded-For: otherwise any client could pick its own address.
  app.set('trust proxy', config.trustProxy)

  const metrics = createMetrics()
  let routePatterns: RoutePattern[] = []

  app.use(requestId)
  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const route = routeLabel(req.path, routePatterns)
      const labels = { method: req.method, route, status: String(res.statusCode) }
      metrics.requests.inc(labels)
      metrics.duration.observe(labels, seconds)
      // A 503 with Retry-After is load shed on purpose (the render queue is full), not a failure.
      const shed = res.statusCode === 503 && res.getHeader('Retry-After') !== undefined
      if (res.statusCode >= 500 && !shed) metrics.errors.inc({ method: req.method, route })
      const entry = {
        requestId: res.locals.requestId,
        method: req.method,
        path: req.path,
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
      }
      if (shed) logger.warn(entry, 'request shed, asked to retry')
      else if (res.statusCode >= 500) logger.error(entry, 'request failed')
      else logger.info(entry, 'request')
    })
    next()
  })
  app.use(compression())
  app.use(makeNonce, securityHeaders(config, mode))
  app.use(refuseUndecodablePaths)

  // Before the Host allowlist: load balancers and container probes ask by IP address, and the answer names nothing.
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' })
  })
  app.get('/metrics', metricsAccess(config), async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics())
  })
  app.use(hostAllowlist(config))
  app.use(crossSiteCheck(config))
  if (config.rateLimits) app.use(rateLimits({ logger }))
  // Before any body parser: the auth handler reads its own bodies.
  mountAuth(app, auth)
  app.use(anonymousFirst(auth, config.rateLimits ? { db: async () => database, logger } : undefined))

  let build: ServerBuild | (() => Promise<ServerBuild>)
  if (mode === 'development') {
    // Vite's own Host check is left to ours (server/hosts.ts), which runs first and knows PUBLIC_URL.
    const vite = await import('vite').then((v) =>
      v.createServer({ server: { middlewareMode: true, allowedHosts: true } }),
    )
    app.use(vite.middlewares)
    build = async () => {
      const loaded = (await vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild
      routePatterns = routePatternsOf(loaded)
      return loaded
    }
  } else {
    const buildPath = join(projectRoot(), 'build', 'server', 'index.js')
    const loaded = (await import(buildPath)) as ServerBuild
    routePatterns = routePatternsOf(loaded)
    build = loaded
    const clientDir = join(projectRoot(), 'build', 'client')
    app.use('/assets', express.static(`${clientDir}/assets`, { immutable: true, maxAge: ONE_YEAR }))
    app.use(express.static(clientDir, { maxAge: '1h' }))
  }

  app.all(
    '*',
    createRequestHandler({
      build,
      mode,
      getLoadContext: (req, res) => ({
        requestId: res.locals.requestId,
        logger: logger.child({ requestId: res.locals.requestId }),
        cspNonce: cspNonce(res),
        publicOrigin: publicOriginOf(req, config),
        publicUrl: config.publicOrigin,
        clientAddress: req.ip,
        auth,
        db: database,
        identity: identityResolver(auth, database, req),
        // A page's document (not its .data) may take parts already drawn as HTML from its loader.
        ...(req.method === 'GET' && !req.path.endsWith('.data') ? { staticHtml: new Map<string, string>() } : {}),
      }),
    }),
  )

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ requestId: res.locals.requestId, err: error }, 'unhandled error')
    if (!res.headersSent) res.status(500).type('text/plain').send(`Internal error. Request id: ${res.locals.requestId}`)
  })

  return app
}

function requestId(req: Request, res: Response, next: NextFunction) {
  const given = req.get(REQUEST_ID_HEADER)
  const id = given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID()
  res.locals.requestId = id
  res.set('X-Request-Id', id)
  next()
}

function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const labelNames = ['method', 'route', 'status'] as const
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status.',
      labelNames,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'http_request_errors_total',
      help: 'HTTP requests that ended in a server error (5xx), by method and route.',
      labelNames: ['method', 'route'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route and status.',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  }
}

interface RoutePattern {
  id: string
  pattern: RegExp
  specificity: number
}

/** Route patterns from the build, so metrics are labelled by route rather than by raw path. */
function routePatternsOf(build: ServerBuild): RoutePattern[] {
  const routes = build.routes
  const fullPath = (id: string): string => {
    const route = routes[id]
    if (!route) return ''
    const parent = route.parentId ? fullPath(route.parentId) : ''
    return [parent, route.path ?? ''].filter(Boolean).join('/')
  }
  return Object.keys(routes)
    .filter((id) => id !== 'root')
    .map((id) => {
      const segments = fullPath(id).split('/').filter(Boolean).map(segmentPattern)
      return {
        id,
        pattern: new RegExp(`^/${segments.map((s) => s.source).join('/')}/?$`),
        specificity: segments.reduce((sum, s) => sum + s.weight, 0),
      }
    })
    .sort((a, b) => b.specificity - a.specificity || a.id.localeCompare(b.id))
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A path segment as a pattern, and how specific it is: literals beat `:param.md`, which beats `:param`, then `*`. */
function segmentPattern(segment: string): { source: string; weight: number } {
  if (segment === '*') return { source: '.*', weight: -1 }
  const param = /^:\w+(\?)?(.*)$/.exec(segment)
  if (!param) return { source: escapeRegExp(segment), weight: 2 }
  const [, optional, suffix] = param
  return { source: (optional ? '[^/]*' : '[^/]+') + escapeRegExp(suffix), weight: suffix ? 1 : 0 }
}

function routeLabel(path: string, patterns: RoutePattern[]): string {
  if (path === '/healthz' || path === '/metrics') return path
  if (path.startsWith('/assets/')) return '/assets'
  const page = path === '/_root.data' ? '/' : path.replace(/\.data$/, '')
  return patterns.find((p) => p.pattern.test(page))?.id ?? 'unmatched'
}

export async function start() {
  const logger = createLogger()
  const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development'
  // Settings first: a wrong PUBLIC_URL or TRUST_PROXY stops the start with one line naming it.
  const config = loadConfig()
  // Open and migrate before listening, so a bad DATABASE_URL stops the start with one line.
  const { describeDatabase, describeDbError, getDb } = await import('#db/client.server.ts')
  const db = await getDb().catch((error: unknown) => {
    throw new Error(`cannot open the database (${describeDatabase()}): ${describeDbError(error)}`)
  })
  logger.info({ dialect: db.dialect, location: db.location }, 'database ready')
  const jobs = await startJobs(db, logger)
  const app = await createApp({ mode, logger, config })
  if (!config.publicOrigin) logger.info('PUBLIC_URL is unset: answering to localhost, 127.0.0.1 and [::1] only')
  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '0.0.0.0'
  const server: Server = app.listen(port, host, () => {
    logger.info(
      { port, host, mode },
      `stackbrief listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    )
  })
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    // Stop claiming jobs while the last requests finish; exit once both are done.
    Promise.all([new Promise((done) => server.close(done)), jobs.stop()]).finally(() => process.exit(0))
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  return server
}

/** The scheduled-job runner (purges and the like); JOBS_POLL_MS=0 turns it off for this instance. */
async function startJobs(db: import('#db/client.server.ts').Db, logger: Logger) {
  const [{ startJobRunner }, { LIFECYCLE_JOBS }] = await Promise.all([
    import('#app/services/job-runner.server.ts'),
    import('#app/services/lifecycle-jobs.server.ts'),
  ])
  const pollMs = Number(process.env.JOBS_POLL_MS ?? 30_000)
  const runner = await startJobRunner({
    db,
    jobs: LIFECYCLE_JOBS,
    logger,
    pollMs: Number.isFinite(pollMs) ? pollMs : 30_000,
  })
  logger.info({ runner: runner.id, pollMs }, 'job runner started')
  return runner
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  start().catch((error) => {
    console.error(`stackbrief failed to start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
