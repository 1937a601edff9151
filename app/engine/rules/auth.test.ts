import { describe, expect, it } from 'vitest'
import { DecisionSchema } from '#app/engine/brief.ts'
import { type AnswersPatch, buildAnswers, ORGANIZATIONS_INPUT } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { auth } from './auth.ts'

const CATALOG = testCatalog()
const decide = (over: AnswersPatch = {}) =>
  DecisionSchema.parse(auth.decide(buildAnswers(over, ORGANIZATIONS_INPUT), CATALOG))

const VENDORS = ['clerk', 'better_auth', 'stytch', 'auth0', 'workos']

describe('auth: which vendor, by precedence', () => {
  it.each<{ fact: string; over: AnswersPatch; choice: string; fired: string[] }>([
    {
      fact: 'Better-Auth when the team hosts its own servers (seed 000, Better-Auth runs on your own infra)',
      over: { budget: { hosting: 'self_hosted' } },
      choice: 'better_auth',
      fired: ['auth.buy_not_build', 'auth.own_infrastructure'],
    },
    {
      fact: 'Better-Auth when data must stay in India, outside the US and EU regions hosted vendors use (seed 000, runs on your own infra)',
      over: { compliance: { dataResidency: ['india'] } },
      choice: 'better_auth',
      fired: ['auth.buy_not_build', 'auth.own_infrastructure'],
    },
    {
      fact: 'own infrastructure outranks enterprise SSO, and the SSO work is named (seed 000, Better-Auth on your own infra)',
      over: { budget: { hosting: 'self_hosted' }, compliance: { enterpriseSso: true } },
      choice: 'better_auth',
      fired: ['auth.buy_not_build', 'auth.own_infrastructure', 'auth.sso_on_own_infrastructure'],
    },
    {
      fact: 'a team without TypeScript is told Better-Auth runs as a small Node service (seed 000, Better-Auth is open-source-first)',
      over: { budget: { hosting: 'self_hosted' }, team: { languages: ['php'] } },
      choice: 'better_auth',
      fired: ['auth.buy_not_build', 'auth.own_infrastructure', 'auth.better_auth_runs_on_node'],
    },
    {
      fact: 'EU-resident data never goes to Clerk, which does not confirm an EU region; Auth0 does (issue 8, residency applied to every vendor)',
      over: { compliance: { dataResidency: ['us', 'eu'] }, budget: { monthlyInfraUsd: 2000 } },
      choice: 'auth0',
      fired: ['auth.buy_not_build', 'auth.residency'],
    },
    {
      fact: 'WorkOS when enterprise SSO matters for a business product (vendors.md §3: AuthKit free to 1M users, SSO priced per connection)',
      over: { compliance: { enterpriseSso: true }, budget: { monthlyInfraUsd: 2000 } },
      choice: 'workos',
      fired: ['auth.buy_not_build', 'auth.enterprise_sso', 'auth.workos_facts_unconfirmed'],
    },
    {
      fact: 'Auth0 when enterprise SSO matters and data must stay in the EU, where WorkOS confirms no region (seed 000, Auth0 has the broadest enterprise feature set)',
      over: { compliance: { enterpriseSso: true, dataResidency: ['eu'] }, budget: { monthlyInfraUsd: 2000 } },
      choice: 'auth0',
      fired: ['auth.buy_not_build', 'auth.enterprise_sso'],
    },
    {
      fact: 'Stytch when enterprise SSO meets passwordless consumer sign-up (seed 000, Stytch is strong for consumer passwordless)',
      over: { product: { shape: 'consumer', sellsTo: 'both' }, compliance: { enterpriseSso: true } },
      choice: 'stytch',
      fired: ['auth.buy_not_build', 'auth.enterprise_sso'],
    },
    {
      fact: 'HIPAA picks a vendor that signs a BAA over Clerk, even for a TypeScript team (seed 000, a compliance requirement shapes the pick)',
      over: { compliance: { regimes: ['hipaa'] } },
      choice: 'stytch',
      fired: ['auth.buy_not_build', 'auth.hipaa_needs_baa'],
    },
    {
      fact: 'HIPAA for a consumer app picks Stytch, which also offers a BAA (seed 000, Stytch for consumer apps)',
      over: { product: { shape: 'consumer', sellsTo: 'individuals' }, compliance: { regimes: ['hipaa'] } },
      choice: 'stytch',
      fired: ['auth.buy_not_build', 'auth.passwordless_consumer', 'auth.hipaa_needs_baa'],
    },
    {
      fact: 'Stytch for a consumer app selling to individuals (seed 000, consumer apps with passwordless flows)',
      over: { product: { shape: 'consumer', sellsTo: 'individuals' } },
      choice: 'stytch',
      fired: ['auth.buy_not_build', 'auth.passwordless_consumer'],
    },
    {
      fact: 'Stytch for a marketplace of individuals (seed 000, consumer apps with passwordless flows)',
      over: { product: { shape: 'marketplace', sellsTo: 'individuals' } },
      choice: 'stytch',
      fired: ['auth.buy_not_build', 'auth.passwordless_consumer'],
    },
    {
      fact: 'Stytch for a content product selling to individuals (seed 000, consumer apps with passwordless flows)',
      over: { product: { shape: 'content_media', sellsTo: 'individuals' }, team: { languages: ['ruby'] } },
      choice: 'stytch',
      fired: ['auth.buy_not_build', 'auth.passwordless_consumer'],
    },
    {
      fact: 'a consumer-shaped product sold to organizations is not a passwordless consumer case (seed 000, which one depends on your stack)',
      over: { product: { shape: 'consumer', sellsTo: 'organizations' } },
      choice: 'clerk',
      fired: ['auth.buy_not_build', 'auth.fastest_react_path'],
    },
    {
      fact: 'Clerk for a TypeScript team (seed 000, Clerk has the best Next.js integration)',
      over: { team: { languages: ['typescript'] } },
      choice: 'clerk',
      fired: ['auth.buy_not_build', 'auth.fastest_react_path'],
    },
    {
      fact: 'Clerk for a JavaScript team (seed 000, Clerk has the best Next.js integration)',
      over: { team: { languages: ['javascript'] } },
      choice: 'clerk',
      fired: ['auth.buy_not_build', 'auth.fastest_react_path'],
    },
    {
      fact: 'Auth0 by default outside the React world (seed 000, which one depends on your stack)',
      over: { team: { languages: ['ruby'] }, budget: { monthlyInfraUsd: 2000 } },
      choice: 'auth0',
      fired: ['auth.buy_not_build', 'auth.broad_default'],
    },
  ])('$fact', ({ over, choice, fired }) => {
    const d = decide(over)
    expect(d.area).toBe('auth')
    expect(d.choice.id).toBe(choice)
    expect(d.status).toBe('adopt')
    expect(d.because.map((b) => b.rule)).toEqual(fired)
    expect(d.revisitWhen).toEqual([])
    expect(d.guide).toBe('auth-and-payments')
  })
})

describe('auth: reasons read exactly their answers', () => {
  it.each<{ fact: string; over: AnswersPatch; rule: string; inputs: string[]; mentions: string }>([
    {
      fact: 'own infrastructure reads hosting and residency, and names the region (seed 000, on your own infra)',
      over: { compliance: { dataResidency: ['eu', 'india'] } },
      rule: 'auth.own_infrastructure',
      inputs: ['budget.hosting', 'compliance.dataResidency', 'compliance.regimes'],
      mentions: 'India',
    },
    {
      fact: 'HIPAA says the vendor must sign a BAA (seed 000, compliance requirements)',
      over: { compliance: { regimes: ['hipaa'] }, team: { languages: ['ruby'] } },
      rule: 'auth.hipaa_needs_baa',
      inputs: ['compliance.regimes', 'data.sensitive', 'compliance.markets'],
      mentions: 'Business Associate Agreement (BAA). Stytch signs one',
    },
    {
      fact: 'HIPAA with Better-Auth points at the hosting BAA instead (seed 000, Better-Auth runs on your own infra)',
      over: { compliance: { regimes: ['hipaa'] }, budget: { hosting: 'self_hosted' } },
      rule: 'auth.hipaa_needs_baa',
      inputs: ['compliance.regimes', 'data.sensitive', 'compliance.markets'],
      mentions: 'with your hosting provider',
    },
    {
      fact: 'the default names the team languages (seed 000, depends on your stack)',
      over: { team: { languages: ['go', 'python'] }, budget: { monthlyInfraUsd: 2000 } },
      rule: 'auth.broad_default',
      inputs: ['team.languages', 'load.activeUsersIn12Months'],
      mentions: 'Go first',
    },
    {
      fact: 'passwordless consumer reads shape and buyer (seed 000, consumer apps with passwordless flows)',
      over: { product: { shape: 'marketplace', sellsTo: 'individuals' } },
      rule: 'auth.passwordless_consumer',
      inputs: ['product.shape', 'product.sellsTo'],
      mentions: 'A marketplace selling to individuals',
    },
    {
      fact: 'organizations stay in your own tables, whatever the vendor (seed 000, auth identity model from day one)',
      over: { compliance: { identity: 'multi_org_membership' } },
      rule: 'auth.identity_in_your_tables',
      inputs: ['compliance.identity'],
      mentions: 'several organizations',
    },
  ])('$fact', ({ over, rule, inputs, mentions }) => {
    const reason = decide(over).because.find((b) => b.rule === rule)
    expect(reason?.inputs).toEqual(inputs)
    expect(reason?.text).toContain(mentions)
  })

  it('personal accounts add no identity note (seed 000, personal accounts only)', () => {
    expect(decide().because.map((b) => b.rule)).not.toContain('auth.identity_in_your_tables')
  })
})

describe('auth: alternatives', () => {
  it.each<{ fact: string; over: AnswersPatch }>([
    { fact: 'Clerk chosen (seed 000, all four are production-grade)', over: {} },
    {
      fact: 'Better-Auth chosen (seed 000, all four are production-grade)',
      over: { budget: { hosting: 'self_hosted' } },
    },
    {
      fact: 'Stytch chosen (seed 000, all four are production-grade)',
      over: { product: { shape: 'consumer', sellsTo: 'individuals' } },
    },
    { fact: 'WorkOS chosen (vendors.md §3)', over: { compliance: { enterpriseSso: true } } },
    {
      fact: 'Auth0 chosen (seed 000, all four are production-grade)',
      over: { compliance: { enterpriseSso: true, dataResidency: ['eu'] } },
    },
  ])('lists the other vendors and in-house, each with a reason: $fact', ({ over }) => {
    const d = decide(over)
    const ids = d.alternatives.map((x) => x.id)
    expect(ids).toEqual([...VENDORS.filter((v) => v !== d.choice.id), 'in_house'])
    for (const x of d.alternatives) expect(x.whyNot.length).toBeGreaterThan(20)
  })

  it('never in-house: the weeks and the security surface (seed 000, the roll-your-own tax for auth)', () => {
    const whyNot = decide().alternatives.find((x) => x.id === 'in_house')?.whyNot
    expect(whyNot).toContain('Three to six weeks')
    expect(whyNot).toContain('security surface')
  })

  it.each<{ fact: string; over: AnswersPatch; id: string; mentions: string }>([
    {
      fact: 'hosted vendors lose on residency by naming the region (seed 000, Better-Auth on your own infra)',
      over: { compliance: { dataResidency: ['australia'] } },
      id: 'clerk',
      mentions: 'Australia',
    },
    {
      fact: 'Clerk loses under HIPAA for want of a signed BAA (seed 000, compliance requirement)',
      over: { compliance: { regimes: ['hipaa'] } },
      id: 'clerk',
      mentions: 'BAA',
    },
    {
      fact: 'Clerk loses for a Ruby team by naming the language (seed 000, Clerk has the best Next.js integration)',
      over: { team: { languages: ['ruby'] }, budget: { monthlyInfraUsd: 2000 } },
      id: 'clerk',
      mentions: 'Ruby',
    },
    {
      fact: 'Better-Auth loses for a non-TypeScript team on a hosted platform (seed 000, open-source-first)',
      over: { team: { languages: ['python'] } },
      id: 'better_auth',
      mentions: 'TypeScript library',
    },
  ])('$fact', ({ over, id, mentions }) => {
    expect(decide(over).alternatives.find((x) => x.id === id)?.whyNot).toContain(mentions)
  })
})

it('owns no triggers', () => {
  expect(auth.triggers).toEqual([])
})

describe('auth: constraints and price (issue 8)', () => {
  it('EU residency never yields Clerk, and Better-Auth is not dismissed as unneeded', () => {
    for (const languages of [['typescript'], ['javascript'], ['python']] as const) {
      const d = decide({ team: { languages: [...languages] }, compliance: { dataResidency: ['eu'] } })
      expect(d.choice.id).not.toBe('clerk')
      expect(d.choice.requires?.regions).toEqual(['eu'])
      expect(d.alternatives.find((x) => x.id === 'clerk')?.whyNot).toContain('the EU')
      expect(d.alternatives.find((x) => x.id === 'better_auth')?.whyNot ?? '').not.toContain('nothing in your answers')
    }
  })

  it('India residency gives Better-Auth, naming the hosted vendors that cannot keep accounts there', () => {
    const d = decide({ compliance: { dataResidency: ['india'] } })
    expect(d.choice.id).toBe('better_auth')
    expect(d.because.find((b) => b.rule === 'auth.own_infrastructure')?.text).toMatch(/Auth0/)
  })

  it('500,000 users on a $5 budget do not get Stytch at about $24,500 a month while Better-Auth is $0', () => {
    const d = decide({
      product: { shape: 'consumer', sellsTo: 'individuals' },
      load: { activeUsersAtLaunch: 1000, activeUsersIn12Months: 500_000 },
      budget: { monthlyInfraUsd: 5 },
    })
    expect(d.choice.id).not.toBe('stytch')
    const reason = d.because.find((b) => b.rule === 'auth.priced_at_your_scale')
    expect(reason?.inputs).toEqual(['load.activeUsersIn12Months', 'budget.monthlyInfraUsd'])
    expect(reason?.text).toContain('Stytch would cost about $24,500 a month')
    expect(d.alternatives.find((x) => x.id === 'stytch')?.whyNot).toContain('$24,500')
  })

  it('50,000 users on a Ruby team with a $3,827 budget do not spend $3,500 of it on Auth0', () => {
    const d = decide({
      team: { languages: ['ruby'] },
      load: { activeUsersAtLaunch: 1000, activeUsersIn12Months: 50_000 },
      budget: { monthlyInfraUsd: 3827 },
    })
    expect(d.choice.id).not.toBe('auth0')
    expect(d.because.map((b) => b.rule)).toContain('auth.priced_at_your_scale')
  })

  it('a Go-first team that also lists TypeScript is not a JavaScript team: the primary language ranks the vendors (issue 8)', () => {
    const d = decide({
      team: { languages: ['go', 'typescript'] },
      load: { activeUsersIn12Months: 3000 },
      budget: { monthlyInfraUsd: 2500 },
    })
    expect(d.choice.id).toBe('auth0')
    expect(d.because.find((b) => b.rule === 'auth.broad_default')?.text).toMatch(
      /Go first, outside the React world.*about \$210 a month at 3,000 users/,
    )
    expect(decide({ team: { languages: ['typescript', 'go'] }, budget: { monthlyInfraUsd: 2500 } }).choice.id).toBe(
      'clerk',
    )
  })

  it('a Python-first team at 15,000 users on $300 is not moved to Auth0 at about $1,050 a month on its paid plan (issue 8, the reverted fix)', () => {
    const d = decide({
      product: { shape: 'ai_product', sellsTo: 'individuals' },
      team: { languages: ['python', 'typescript'] },
      load: { activeUsersAtLaunch: 500, activeUsersIn12Months: 15_000 },
      budget: { monthlyInfraUsd: 300 },
    })
    expect(d.choice.id).toBe('clerk')
    const reason = d.because.find((b) => b.rule === 'auth.priced_at_your_scale')
    expect(reason?.text).toContain('Auth0 would cost about $1,050 a month on its paid plan')
    expect(reason?.text).toContain('Clerk costs about $25 a month')
  })

  it('keeps the best fit when its price is in line with the budget', () => {
    expect(decide({ budget: { monthlyInfraUsd: 200 } }).choice.id).toBe('clerk')
  })

  it('health data needs a vendor that signs a BAA, and the decision names the plan to price', () => {
    const d = decide({ data: { sensitive: ['health'] } })
    expect(['stytch', 'better_auth']).toContain(d.choice.id)
    if (d.choice.id === 'stytch')
      expect(d.choice.requires).toMatchObject({ plan: 'enterprise', agreements: ['dpa', 'baa'] })
  })
})
