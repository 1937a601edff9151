import { describe, expect, it } from 'vitest'
import type { CliIO } from '#app/cli/command.ts'
import { run } from '#app/cli/main.ts'

function io(overrides: Partial<CliIO> = {}) {
  const out = { stdout: '', stderr: '' }
  const value: CliIO = {
    stdout: (text) => {
      out.stdout += text
    },
    stderr: (text) => {
      out.stderr += text
    },
    cwd: process.cwd(),
    env: {},
    readStdin: async () => new Uint8Array(),
    ...overrides,
  }
  return { io: value, out }
}

describe('run, in process', () => {
  it('turns an internal failure into exit 1 and one line, without a stack', async () => {
    const { io: failing, out } = io({
      stdout: () => {
        throw new Error('disk full\n  while writing')
      },
    })
    expect(await run(['example'], failing)).toBe(1)
    expect(out.stderr).toBe('error: disk full while writing\n')
  })

  it('adds the stack only with STACKBRIEF_DEBUG=1', async () => {
    const { io: failing, out } = io({
      env: { STACKBRIEF_DEBUG: '1' },
      stdout: () => {
        throw new Error('disk full')
      },
    })
    expect(await run(['example'], failing)).toBe(1)
    expect(out.stderr.split('\n')[0]).toBe('error: disk full')
    expect(out.stderr).toMatch(/\n\s+at /)
  })

  it('returns 2 with the problems on stderr and nothing on stdout for bad input', async () => {
    const { io: quiet, out } = io()
    expect(await run(['validate', 'no-such-file.yaml'], quiet)).toBe(2)
    expect(out).toEqual({
      stdout: '',
      stderr: 'no-such-file.yaml: expected an answers file that exists, got no such file\n',
    })
  })

  it('reads standard input for -', async () => {
    const { io: piped, out } = io({ readStdin: async () => new TextEncoder().encode('{"version": 3}') })
    expect(await run(['validate', '-'], piped)).toBe(2)
    expect(out.stderr.split('\n')[0]).toBe('version: expected one of 1, 2, got 3')
  })
})
