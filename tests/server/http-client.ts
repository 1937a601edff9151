import { request as httpRequest } from 'node:http'

/**
 * A bare HTTP request through node:http, so a test can send any Host,
 * Origin or Sec-Fetch-Site header as a browser or an attacker would (fetch
 * rewrites Host and omits Origin).
 */

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function raw(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(path, base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'Content-Length': Buffer.byteLength(init.body) } : {}),
          ...init.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (init.body !== undefined) req.write(init.body)
    req.end()
  })
}

export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }
export const JSON_BODY = { 'Content-Type': 'application/json' }

/**
 * Makes an account through the auth endpoint, as a script would (no Origin,
 * no cookie), and returns the `Cookie` header its session is sent with.
 */
export async function signUp(
  base: string,
  headers: Record<string, string> = {},
  email = `someone-${Math.random().toString(36).slice(2, 10)}@example.test`,
): Promise<string> {
  const res = await raw(base, '/api/auth/sign-up/email', {
    method: 'POST',
    headers: { ...JSON_BODY, ...headers },
    body: JSON.stringify({ email, password: 'a long enough password', name: 'Test person' }),
  })
  if (res.status !== 200) throw new Error(`sign-up answered ${res.status}: ${res.body.slice(0, 200)}`)
  return cookieHeader(res)
}

/** The `Cookie` header that sends back what a response set. */
export function cookieHeader(res: RawResponse): string {
  const set = res.headers['set-cookie'] ?? []
  return (Array.isArray(set) ? set : [set]).map((c) => c.split(';')[0]).join('; ')
}
