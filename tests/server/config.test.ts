import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'
import { isOwnOrigin } from '../../server/cross-site.ts'
import { isAllowedHost, parseHost } from '../../server/hosts.ts'
import { clientKey, limitedPath, RATE_LIMIT_POLICIES } from '../../server/rate-limit.ts'

const ROOT = join(import.meta.dirname, '..', '..')

describe('configuration from the environment', () => {
  it('has safe defaults: no public URL, no proxy trusted, metrics local only, rate limits on', () => {
    expect(loadConfig({})).toEqual({
      publicOrigin: null,
      trustProxy: false,
      metricsToken: null,
      rateLimits: true,
      authSecret: null,
    })
  })

  it('reads PUBLIC_URL as an origin, TRUST_PROXY as Express reads it', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://Briefs.Example.com/', TRUST_PROXY: '1', RATE_LIMITS: 'off' })
    expect(config.publicOrigin).toBe('https://briefs.example.com')
    expect(config.trustProxy).toBe(1)
    expect(config.rateLimits).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8')
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
  })

  it.each([
    ['PUBLIC_URL', 'briefs.example.com', 'absolute http(s) URL'],
    ['PUBLIC_URL', 'ftp://briefs.example.com', 'http: or https:'],
    ['PUBLIC_URL', 'https://briefs.example.com/app', 'origin only'],
    ['PUBLIC_URL', 'https://user:pw@briefs.example.com', 'no user name'],
    ['TRUST_PROXY', 'not an address', 'addresses/subnets'],
    ['METRICS_TOKEN', 'short', 'at least 16'],
    ['RATE_LIMITS', 'maybe', '"on" or "off"'],
  ])('refuses %s=%s, naming the variable and what it expects', (name, value, expected) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*${expected.replace(/[()]/g, '\\$&')}`))
  })

  it('stops the server at start with one line naming a bad PUBLIC_URL', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PUBLIC_URL: 'briefs.example.com', PORT: '0', NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toMatch(
      /^stackbrief failed to start: invalid configuration: PUBLIC_URL: expected an absolute/,
    )
  })
})

describe('hosts and origins', () => {
  const laptop = loadConfig({})
  const hosted = loadConfig({ PUBLIC_URL: 'https://briefs.example.com' })

  it('reads a Host header as name and port, and refuses what is not one', () => {
    expect(parseHost('LocalHost:3000')).toEqual({ hostname: 'localhost', port: '3000' })
    expect(parseHost('[::1]:80')).toEqual({ hostname: '[::1]', port: '80' })
    for (const bad of [undefined, '', 'a b', 'evil.example/path', 'user@host', 'x'.repeat(300)]) {
      expect(parseHost(bad), String(bad)).toBeNull()
    }
  })

  it('allows the local names without PUBLIC_URL and only its host with it', () => {
    expect(isAllowedHost(parseHost('127.0.0.1:1234'), laptop)).toBe(true)
    expect(isAllowedHost(parseHost('briefs.example.com'), laptop)).toBe(false)
    expect(isAllowedHost(parseHost('briefs.example.com:443'), hosted)).toBe(true)
    expect(isAllowedHost(parseHost('briefs.example.com:8443'), hosted)).toBe(false)
    expect(isAllowedHost(parseHost('localhost:3000'), hosted)).toBe(false)
  })

  it('takes an Origin as ours only when it is PUBLIC_URL exactly', () => {
    const req = { get: () => undefined, app: { get: () => () => false }, socket: {} } as never
    expect(isOwnOrigin('https://briefs.example.com', req, hosted)).toBe(true)
    expect(isOwnOrigin('http://briefs.example.com', req, hosted)).toBe(false)
    expect(isOwnOrigin('https://briefs.example.com.evil.example', req, hosted)).toBe(false)
    expect(isOwnOrigin('null', req, hosted)).toBe(false)
  })
})

describe('rate limit keys and policies', () => {
  it('keys a client by its address, an IPv6 client by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey(undefined)).toBe('unknown')
  })

  it('counts a Remix .data request as its page', () => {
    expect(limitedPath('/briefs/b_1/tokens.data')).toBe('/briefs/b_1/tokens')
    expect(limitedPath('/briefs/b_1/tokens/')).toBe('/briefs/b_1/tokens')
    expect(limitedPath('/_root.data')).toBe('/')
    for (const spelling of ['/SIGN-IN', '/Sign-In.data', '/%73ign-in', '/./sign-in', '//sign-in', '/x/../sign-in'])
      expect(limitedPath(spelling), spelling).toBe('/sign-in')
    expect(limitedPath('/api/auth/./sign-in/email')).toBe('/api/auth/sign-in/email')
    expect(limitedPath('/API/V1/BRIEFS/b_1/signals')).toBe('/api/v1/briefs/b_1/signals')
  })

  it('lets a script write at least 5 revisions or check-ins a second, every second', () => {
    const writes = RATE_LIMIT_POLICIES.find((p) => p.name === 'writes')!
    expect(writes.limit / (writes.windowMs / 1000)).toBeGreaterThanOrEqual(5)
    for (const path of ['/api/v1/briefs/b_1/revisions', '/api/v1/briefs/b_1/signals']) {
      const tight = RATE_LIMIT_POLICIES.filter((p) => p.matches('POST', path) && !p.failedOnly)
      expect(tight.map((p) => p.name)).toEqual(['writes'])
    }
  })
})
