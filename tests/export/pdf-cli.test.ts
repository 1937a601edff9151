import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BIN, ROOT, stackbrief } from '#tests/cli/helpers.ts'

/** `stackbrief generate --format pdf`, run as a real process. */

const EXAMPLE = join(ROOT, 'content', 'examples', 'b2b-saas.yaml')
const dir = mkdtempSync(join(tmpdir(), 'stackbrief-pdf-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const SLOW = { timeout: 60_000 }

/** Standard output as bytes: the helper in tests/cli reads it as UTF-8 text. */
function binaryStdout(args: readonly string[]): Promise<{ code: number | null; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks) }))
  })
}

describe.concurrent('stackbrief generate --format pdf', SLOW, () => {
  it('writes the PDF to --out with the cover options, on Letter paper', async () => {
    const out = join(dir, 'nested', 'brief.pdf')
    const args = ['--page-size', 'letter', '--prepared-by', 'Northwind', '--client', 'Acme', '--date', '2026-03-14']
    const { code, stdout, stderr } = await stackbrief(['generate', EXAMPLE, '--format', 'pdf', '--out', out, ...args])
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' })
    const info = execFileSync('/usr/bin/pdfinfo', [out], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
    expect(info).toMatch(/CreationDate:\s+Sat Mar 14 00:00:00 2026 UTC/)
    const cover = execFileSync('/usr/bin/pdftotext', ['-l', '1', out, '-'], { encoding: 'utf8' })
    for (const s of ['14 March 2026', 'Northwind', 'Acme']) expect(cover).toContain(s)
  })

  it('writes the bytes to standard output when it is not a terminal', async () => {
    const { code, stdout } = await binaryStdout(['generate', EXAMPLE, '--format', 'pdf', '--date', '2026-03-14'])
    expect(code).toBe(0)
    expect(stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(stdout.subarray(-6).toString('latin1')).toContain('%%EOF')
  })

  it('takes today as the date when none is given', async () => {
    const out = join(dir, 'today.pdf')
    const { code } = await stackbrief(['generate', EXAMPLE, '--format', 'pdf', '--out', out])
    expect(code).toBe(0)
    const now = new Date()
    const cover = execFileSync('/usr/bin/pdftotext', ['-l', '1', out, '-'], { encoding: 'utf8' })
    expect(cover).toContain(String(now.getFullYear()))
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it.each([
    [['--format', 'pdf', '--page-size', 'a3'], '--page-size: expected one of a4, letter, got "a3"'],
    [['--format', 'pdf', '--date', '2026-02-30'], '--date: expected'],
    [['--format', 'md', '--client', 'Acme'], '--client: expected to be used with --format pdf, got "Acme"'],
  ])('refuses %j with exit status 2', async (args, message) => {
    const { code, stderr } = await stackbrief(['generate', EXAMPLE, ...args])
    expect(code).toBe(2)
    expect(stderr).toContain(message)
  })
})
