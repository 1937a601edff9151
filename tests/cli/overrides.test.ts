import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { stackbrief } from './helpers.ts'

/** Overrides read from the answers file, as a consultant would write them beside the team's answers. */

const dir = mkdtempSync(join(tmpdir(), 'stackbrief-cli-overrides-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function answersFile(name: string, overrides: string): string {
  const path = join(dir, name)
  writeFileSync(
    path,
    `version: 2
product: { name: Rota, shape: b2b_saas, sellsTo: organizations }
team: { engineers: 3, languages: [typescript] }
load: { activeUsersAtLaunch: 200, activeUsersIn12Months: 5000 }
budget: { monthlyInfraUsd: 400 }
overrides:
${overrides}`,
  )
  return path
}

describe('stackbrief generate with overrides in the answers file', () => {
  it('writes the decision as the person decided it, with the recommendation beside it', async ({ expect }) => {
    const file = answersFile(
      'ok.yaml',
      '  - { area: email, choice: amazon_ses, reason: "The client runs everything on AWS", by: Dana Reyes }\n',
    )
    const { code, stdout, stderr } = await stackbrief(['generate', file, '--format', 'md'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /Decided by Dana Reyes: Amazon SES, against the recommendation of .+ because The client runs/,
    )
  })

  it('exits 2 naming overrides[i].choice and the allowed ids when the choice is not in the area', async ({
    expect,
  }) => {
    const file = answersFile('bad.yaml', '  - { area: email, choice: mailgun, reason: cheaper, by: Dana }\n')
    const { code, stdout, stderr } = await stackbrief(['generate', file])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('overrides[0].choice: expected one of postmark, resend, amazon_ses, got "mailgun"')
  })
})
