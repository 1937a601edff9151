import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server.ts'

let server: Server
let base: string

beforeAll(async () => {
  const app = await createApp({ mode: 'development', logger: pino({ level: 'silent' }) })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('server', () => {
  it('answers the health check', async () => {
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('echoes a well-formed request id and makes one up otherwise', async () => {
    const given = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'trace-123' } })
    expect(given.headers.get('x-request-id')).toBe('trace-123')
    const hostile = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'bad id <script>' } })
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const none = await fetch(`${base}/healthz`)
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('renders the home page through Remix', async () => {
    const res = await fetch(`${base}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('stackbrief')
  })

  it('exposes rate, errors and duration by route in Prometheus format', async () => {
    await fetch(`${base}/`)
    await fetch(`${base}/examples/b2b-saas.md`)
    await fetch(`${base}/no-such-page-${Date.now()}`)
    const res = await fetch(`${base}/metrics`)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toMatch(/http_requests_total\{method="GET",route="routes\/home",status="200"\} \d+/)
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.05",method="GET",route="routes\/home",status="200"\}/,
    )
    expect(text).toContain('# TYPE http_request_errors_total counter')
    // a `:param.md` route is its own label, not the page route without the suffix
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="routes\/examples\.\$name\[\.md\]",status="200"\} \d+/,
    )
    // an unknown path is one label, not one label per path
    expect(text).not.toMatch(/no-such-page/)
  })
})
