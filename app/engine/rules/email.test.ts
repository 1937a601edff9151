import { describe, expect, it } from 'vitest'
import { DecisionSchema } from '#app/engine/brief.ts'
import { type AnswersPatch, buildAnswers, ORGANIZATIONS_INPUT } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { email } from './email.ts'

const CATALOG = testCatalog()
const decide = (over: AnswersPatch = {}) =>
  DecisionSchema.parse(email.decide(buildAnswers(over, ORGANIZATIONS_INPUT), CATALOG))

describe('email: always hosted, which sender by precedence', () => {
  it.each<{ fact: string; over: AnswersPatch; choice: string; fired: string[] }>([
    {
      fact: 'Amazon SES under HIPAA, in the same AWS account, with health details kept out of mail (seed 000, hosted email; issue 8)',
      over: { compliance: { regimes: ['hipaa'] }, team: { languages: ['typescript'] } },
      choice: 'amazon_ses',
      fired: ['email.hosted_always', 'email.no_health_in_mail', 'email.ses_on_cloud'],
    },
    {
      fact: 'Amazon SES on a cloud provider account (seed 000, managed services wherever possible)',
      over: { budget: { hosting: 'cloud_provider' } },
      choice: 'amazon_ses',
      fired: ['email.hosted_always', 'email.ses_on_cloud'],
    },
    {
      fact: 'Resend for a TypeScript team (seed 000, hosted email)',
      over: { team: { languages: ['typescript'] } },
      choice: 'resend',
      fired: ['email.hosted_always', 'email.resend_for_typescript'],
    },
    {
      fact: 'Resend for a JavaScript-first team beside Python (seed 000, hosted email)',
      over: { team: { languages: ['javascript', 'python'] } },
      choice: 'resend',
      fired: ['email.hosted_always', 'email.resend_for_typescript'],
    },
    {
      fact: "Postmark for a Python-first team that also writes JavaScript: the primary language decides (issue 8, the team's order)",
      over: { team: { languages: ['python', 'javascript'] } },
      choice: 'postmark',
      fired: ['email.hosted_always', 'email.postmark_default'],
    },
    {
      fact: 'Postmark otherwise (seed 000, hosted email)',
      over: { team: { languages: ['ruby'] } },
      choice: 'postmark',
      fired: ['email.hosted_always', 'email.postmark_default'],
    },
    {
      fact: 'hosted even for a self-hosted team (seed 000, hosted email is part of the default stack)',
      over: { team: { languages: ['php'] }, budget: { hosting: 'self_hosted' } },
      choice: 'postmark',
      fired: ['email.hosted_always', 'email.postmark_default'],
    },
  ])('$fact', ({ over, choice, fired }) => {
    const d = decide(over)
    expect(d.area).toBe('email')
    expect(d.choice.id).toBe(choice)
    expect(d.status).toBe('adopt')
    expect(d.because.map((b) => b.rule)).toEqual(fired)
    expect(d.revisitWhen).toEqual([])
  })
})

describe('email: away from TypeScript the cheaper sender at your volume wins (issue 8)', () => {
  it('a Python-first team sending about 75,000 emails a month gets Resend, priced below Postmark there', () => {
    const d = decide({
      team: { languages: ['python', 'typescript'] },
      load: { activeUsersAtLaunch: 500, activeUsersIn12Months: 15_000 },
    })
    expect(d.choice.id).toBe('resend')
    expect(d.because.find((b) => b.rule === 'email.resend_at_your_volume')?.text).toMatch(
      /At about 75,000 emails a month Resend costs about \$42\.50 a month against \$132 for Postmark/,
    )
  })
})

describe('email: reasons read exactly their answers', () => {
  it.each<{ fact: string; over: AnswersPatch; rule: string; inputs: string[]; mentions: string }>([
    {
      fact: 'receipts are named once the product takes payments (seed 000, hosted payments and email)',
      over: { compliance: { payments: 'subscriptions' } },
      rule: 'email.hosted_always',
      inputs: ['compliance.payments'],
      mentions: 'password resets and payment receipts',
    },
    {
      fact: 'no receipts without payments (seed 000, hosted email)',
      over: { compliance: { payments: 'none' } },
      rule: 'email.hosted_always',
      inputs: ['compliance.payments'],
      mentions: 'address checks and password resets',
    },
    {
      fact: 'HIPAA: no sender confirms a BAA, so mail never carries health details (seed 000, a compliance requirement; issue 8)',
      over: { compliance: { regimes: ['hipaa'] } },
      rule: 'email.no_health_in_mail',
      inputs: ['compliance.regimes', 'data.sensitive', 'compliance.markets'],
      mentions: 'sources read do not confirm it',
    },
    {
      fact: 'SES on a cloud account reads hosting (seed 000, managed services)',
      over: { budget: { hosting: 'cloud_provider' } },
      rule: 'email.ses_on_cloud',
      inputs: ['budget.hosting'],
      mentions: 'runs on AWS',
    },
    {
      fact: 'Postmark names the team language (seed 000, hosted email)',
      over: { team: { languages: ['go'] } },
      rule: 'email.postmark_default',
      inputs: ['team.languages', 'budget.hosting', 'load.activeUsersIn12Months'],
      mentions: 'client libraries for Go',
    },
  ])('$fact', ({ over, rule, inputs, mentions }) => {
    const reason = decide(over).because.find((b) => b.rule === rule)
    expect(reason?.inputs).toEqual(inputs)
    expect(reason?.text).toContain(mentions)
  })
})

describe('email: alternatives', () => {
  it.each<{ fact: string; over: AnswersPatch; ids: string[] }>([
    {
      fact: 'Postmark chosen',
      over: { team: { languages: ['ruby'] } },
      ids: ['resend', 'amazon_ses', 'own_mail_server'],
    },
    { fact: 'Resend chosen', over: {}, ids: ['postmark', 'amazon_ses', 'own_mail_server'] },
    {
      fact: 'SES chosen',
      over: { budget: { hosting: 'cloud_provider' } },
      ids: ['postmark', 'resend', 'own_mail_server'],
    },
  ])('lists the other senders and your own mail server (seed 000, hosted email): $fact', ({ over, ids }) => {
    const d = decide(over)
    expect(d.alternatives.map((x) => x.id)).toEqual(ids)
    for (const x of d.alternatives) expect(x.whyNot.length).toBeGreaterThan(20)
  })

  it('under HIPAA, the other senders must confirm a BAA first (seed 000, a compliance requirement)', () => {
    const d = decide({ compliance: { regimes: ['hipaa'] } })
    expect(d.alternatives.find((x) => x.id === 'postmark')?.whyNot).toContain('BAA')
    expect(d.alternatives.find((x) => x.id === 'resend')?.whyNot).toContain('BAA')
  })

  it('Resend loses for a Ruby team by naming the language (seed 000, which one depends on your stack)', () => {
    expect(decide({ team: { languages: ['ruby'] } }).alternatives.find((x) => x.id === 'resend')?.whyNot).toContain(
      'Ruby',
    )
  })
})

it('owns no triggers', () => {
  expect(email.triggers).toEqual([])
})
