import routes from '#app/routes.ts'

/**
 * Malformed requests across every route in app/routes.ts: wrong methods,
 * wrong and missing content types, JSON and broken multipart sent to forms,
 * bad percent-escapes, NUL characters, huge and deeply nested values. A seeded
 * generator, so a failure can be replayed from its seed and index.
 */

export interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: Uint8Array | string
}

/** mulberry32: small, seeded, good enough to pick cases. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

const BAD_SEGMENTS = [
  '%FF',
  '%',
  '%E0%A4%A',
  '%00',
  '%C0%80',
  '..%2F..%2Fetc',
  'a%ZZb',
  'x'.repeat(3000),
  '%F0%9F%92%A9',
  '-1',
  '0',
  '99999999999999999999',
  '1e3',
  'b_aaaaaaaaaaaaaaaa',
  'c_0000000000000000000z',
]

function nested(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`
}

const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'multipart/form-data',
  'text/plain',
  'application/xml',
  'application/json; charset=latin1',
  '',
]

function bodies(pick: <T>(list: readonly T[]) => T): string | Uint8Array {
  return pick<() => string | Uint8Array>([
    () => '{"product":{"name":"a\\u0000b"}}',
    () => JSON.stringify({ version: 1, product: { name: 'x'.repeat(100_000) } }),
    () => nested(5_000),
    () => '{"intent":',
    () => 'intent=%FF%FE&name=a%00b',
    () => 'intent=nonsense&reviewBy=2024-02-31',
    () => `intent=${'x'.repeat(1000)}`,
    () => 'name=\u0000&measuredAt=2024-01-01&activeUsers=1e400',
    () => 'measuredAt=9999-99-99&p95LatencyMs=-5&engineers=NaN',
    () => '------x\r\nContent-Disposition: form-data; name="name"\r\n\r\nbroken',
    () => '------x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n------x--\r\n',
    () => new Uint8Array([0xff, 0xfe, 0x00, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
    () => 'a=1&'.repeat(20_000),
    () => '',
    () => 'null',
    () => '[]',
    () => JSON.stringify({ measuredAt: '2024-01-01', activeUsers: { value: 1, unit: 'users', x: nested(50) } }),
  ])()
}

/** The app's route paths, `:param` and `*` left in place for the generator to fill. */
export function routePaths(): string[] {
  return ['/', ...routes.map((r) => `/${r.path ?? ''}`).filter((p) => p !== '/'), '/healthz', '/no-such-page']
}

/**
 * `count` malformed requests. `ids` are real ids (a brief, a draft, a
 * check-in, a token) so some requests reach past the 404 into the handlers.
 */
export function fuzzRequests(count: number, seed: number, ids: { brief: string; draft: string }): FuzzRequest[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]
  const paths = routePaths()
  const out: FuzzRequest[] = []
  for (let i = 0; i < count; i++) {
    const template = paths[i % paths.length]
    const filled = template
      .split('/')
      .map((segment) => {
        if (segment === '*') return pick(['x', '%FF', 'a/b/c', '%2e%2e'])
        const param = /^:(\w+)(.*)$/.exec(segment)
        if (!param) return segment
        const [, name, suffix] = param
        const good =
          name === 'id' ? (template.startsWith('/drafts') ? ids.draft : ids.brief) : name === 'n' ? '1' : 'product'
        return (next() < 0.5 ? good : pick(BAD_SEGMENTS)) + suffix
      })
      .join('/')
    const query =
      next() < 0.3 ? pick(['?cursor=%FF', '?limit=-1', '?history=zz', '?from=0&to=x', '?q=%00', '?a=%']) : ''
    const method = pick(METHODS)
    const headers: Record<string, string> = {}
    let body: string | Uint8Array | undefined
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      body = bodies(pick)
      const type = pick(CONTENT_TYPES)
      if (type) headers['Content-Type'] = type
      if (next() < 0.1) headers['Idempotency-Key'] = pick(['k', '', 'x'.repeat(300), '\u00e9'])
    }
    if (next() < 0.05) headers.Accept = 'application/json'
    out.push({ method, path: filled + query, headers, body })
  }
  return out
}

export interface FuzzResult {
  total: number
  byStatus: Record<string, number>
  failures: { request: string; status: number }[]
}

/** Sends the requests to `base`, `concurrency` at a time; any 5xx or dropped connection is a failure. */
export async function runFuzz(base: string, requests: FuzzRequest[], concurrency = 4): Promise<FuzzResult> {
  const result: FuzzResult = { total: 0, byStatus: {}, failures: [] }
  let index = 0
  const worker = async () => {
    while (index < requests.length) {
      const r = requests[index++]
      let status = 0
      try {
        const response = await fetch(`${base}${r.path}`, {
          method: r.method,
          headers: r.headers,
          body: r.body as BodyInit | undefined,
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        })
        status = response.status
        await response.arrayBuffer().catch(() => undefined)
      } catch {
        status = 0
      }
      result.total++
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1
      if (status >= 500 || status === 0) {
        result.failures.push({
          request: `${r.method} ${r.path.slice(0, 120)} ${r.headers['Content-Type'] ?? ''}`,
          status,
        })
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return result
}
