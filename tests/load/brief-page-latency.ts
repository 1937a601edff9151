/**
 * Latency of the brief page and of signing in, against a running server:
 * `npx tsx tests/load/brief-page-latency.ts http://127.0.0.1:3101 [requests]`.
 * Makes an account when the server has accounts (and measures sign-in),
 * writes one brief, then reads its page one request at a time. Prints the
 * median and p95 in milliseconds as JSON. Run the server with RATE_LIMITS=off.
 */

const base = process.argv[2] ?? 'http://127.0.0.1:3101'
const requests = Number(process.argv[3] ?? 400)
const ANSWERS_FILE = new URL('../../content/examples/b2b-saas.yaml', import.meta.url)

const { readFileSync } = await import('node:fs')
const { parse } = await import('yaml')

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)) }
}
const round = (ms: number) => Math.round(ms * 10) / 10

async function timed(run: () => Promise<Response>): Promise<number> {
  const started = performance.now()
  const res = await run()
  await res.arrayBuffer()
  if (res.status >= 400) throw new Error(`answered ${res.status}`)
  return performance.now() - started
}

const email = `bench-${Date.now()}@example.test`
const password = 'a long enough password'
const signedUp = await fetch(`${base}/api/auth/sign-up/email`, {
  method: 'POST',
  // Node's fetch marks itself as a browser request (Sec-Fetch-Mode), so it names its origin as one would.
  headers: { 'Content-Type': 'application/json', Origin: base },
  body: JSON.stringify({ email, password, name: 'Bench' }),
})
const accounts = signedUp.status === 200
const cookie = accounts
  ? signedUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  : ''

const created = await fetch(`${base}/api/v1/briefs`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Cookie: cookie },
  body: JSON.stringify(parse(readFileSync(ANSWERS_FILE, 'utf8'))),
})
if (created.status !== 201) throw new Error(`creating the brief answered ${created.status}`)
const { id } = (await created.json()) as { id: string }

const page: number[] = []
for (let i = 0; i < requests + 20; i++) {
  const ms = await timed(() => fetch(`${base}/briefs/${id}`, { headers: { Cookie: cookie } }))
  if (i >= 20) page.push(ms)
}

const signIn: number[] = []
if (accounts) {
  const body = new URLSearchParams({ email, password }).toString()
  for (let i = 0; i < 60; i++) {
    signIn.push(
      await timed(() =>
        fetch(`${base}/sign-in`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
        }),
      ),
    )
  }
}

console.log(
  JSON.stringify({ base, accounts, briefPage: percentiles(page), signIn: accounts ? percentiles(signIn) : null }),
)
