import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '#app/engine/answers.ts'
import { type AnswersPatch, buildAnswers, SAAS_INPUT } from '#tests/support/answers.ts'
import { decideChecked, reason, ruleIds } from '#tests/support/area-rules.ts'
import { FRAMEWORK_BY_LANGUAGE, framework } from './framework.ts'

const saasAnswers = (patch?: AnswersPatch) => buildAnswers(patch, SAAS_INPUT)

type Languages = NonNullable<NonNullable<AnswersPatch['team']>['languages']>

describe('framework', () => {
  const single: { fact: string; languages: Languages; choice: string; rule: string; mentions: string[] }[] = [
    {
      fact: 'TypeScript gets Next.js, Remix second (seed 000, Next.js or Rails for full-stack)',
      languages: ['typescript'],
      choice: 'nextjs',
      rule: 'framework.team_language',
      mentions: ['TypeScript', 'Next.js'],
    },
    {
      fact: 'JavaScript gets Next.js like TypeScript (seed 000, a full-stack framework)',
      languages: ['javascript'],
      choice: 'nextjs',
      rule: 'framework.team_language',
      mentions: ['JavaScript'],
    },
    {
      fact: 'Ruby gets Rails (seed 000, Next.js or Rails for full-stack)',
      languages: ['ruby'],
      choice: 'rails',
      rule: 'framework.team_language',
      mentions: ['Ruby on Rails'],
    },
    {
      fact: 'Python gets Django (seed 002, team familiarity)',
      languages: ['python'],
      choice: 'django',
      rule: 'framework.team_language',
      mentions: ['Python', 'Django'],
    },
    {
      fact: 'PHP gets Laravel (seed 002, team familiarity)',
      languages: ['php'],
      choice: 'laravel',
      rule: 'framework.team_language',
      mentions: ['PHP', 'Laravel'],
    },
    {
      fact: 'Elixir gets Phoenix (seed 002, team familiarity)',
      languages: ['elixir'],
      choice: 'phoenix',
      rule: 'framework.team_language',
      mentions: ['Elixir', 'Phoenix'],
    },
    {
      fact: 'Go gets the standard library with a small router (seed 000, boring well-understood tech)',
      languages: ['go'],
      choice: 'go_stdlib',
      rule: 'framework.closest_mainstream',
      mentions: ['Go', 'net/http'],
    },
    {
      fact: 'Java gets Spring Boot (seed 000, boring well-understood tech)',
      languages: ['java'],
      choice: 'spring_boot',
      rule: 'framework.closest_mainstream',
      mentions: ['Java', 'Spring Boot'],
    },
    {
      fact: 'Kotlin gets Spring Boot (seed 000, boring well-understood tech)',
      languages: ['kotlin'],
      choice: 'spring_boot',
      rule: 'framework.closest_mainstream',
      mentions: ['Kotlin'],
    },
    {
      fact: 'C# gets ASP.NET Core (seed 000, boring well-understood tech)',
      languages: ['csharp'],
      choice: 'aspnet_core',
      rule: 'framework.closest_mainstream',
      mentions: ['C#', 'ASP.NET Core'],
    },
    {
      fact: 'Rust gets Axum (seed 000, boring well-understood tech)',
      languages: ['rust'],
      choice: 'axum',
      rule: 'framework.closest_mainstream',
      mentions: ['Rust', 'Axum'],
    },
    {
      fact: 'an unmapped language gets Next.js with the reason (seed 000, Next.js or Rails for full-stack)',
      languages: ['other'],
      choice: 'nextjs',
      rule: 'framework.unlisted_language',
      mentions: ['do not map', 'Next.js'],
    },
  ]

  for (const { fact, languages, choice, rule, mentions } of single)
    it(fact, () => {
      const decision = decideChecked(framework, saasAnswers({ team: { engineers: 3, languages } }))
      expect(decision.choice.id).toBe(choice)
      expect(decision.status).toBe('adopt')
      expect(ruleIds(decision)).toContain(rule)
      expect(ruleIds(decision)).not.toContain('framework.primary_language')
      const fired = reason(decision, rule)
      expect(fired.inputs).toEqual(['team.languages', 'team.engineers'])
      for (const m of mentions) expect(fired.text).toContain(m)
      expect(fired.text).toContain('Your 3 engineers')
    })

  it('Next.js comes with Remix as the named alternative and the reason for the order (seed 000, hosted auth integration)', () => {
    const decision = decideChecked(framework, saasAnswers({ team: { languages: ['typescript'] } }))
    expect(ruleIds(decision)).toEqual(['framework.team_language', 'framework.nextjs_over_remix'])
    expect(reason(decision, 'framework.nextjs_over_remix').inputs).toEqual([])
    expect(decision.alternatives.map((a) => a.id)).toEqual(['remix'])
  })

  it('a JavaScript team is told TypeScript can come later', () => {
    const decision = decideChecked(framework, saasAnswers({ team: { languages: ['javascript'] } }))
    expect(reason(decision, 'framework.javascript_team').inputs).toEqual(['team.languages'])
  })

  it('a team outside TypeScript sees Next.js turned down for the cost of learning it (seed 002, team familiarity)', () => {
    const decision = decideChecked(framework, saasAnswers({ team: { engineers: 2, languages: ['ruby'] } }))
    expect(decision.alternatives.map((a) => a.id)).toEqual(['nextjs'])
    expect(decision.alternatives[0].whyNot).toContain('Your 2 engineers')
  })

  const several: { fact: string; languages: Languages; choice: string; alternatives: string[]; mentions: string[] }[] =
    [
      {
        fact: 'a Go team that also writes TypeScript gets a Go stack, not Next.js (issue 8, the first listed language is primary)',
        languages: ['go', 'typescript'],
        choice: 'go_stdlib',
        alternatives: ['nextjs'],
        mentions: ['lists Go first'],
      },
      {
        fact: 'a Java team that also writes TypeScript gets Spring Boot (issue 8, Spring Boot for Java)',
        languages: ['java', 'typescript'],
        choice: 'spring_boot',
        alternatives: ['nextjs'],
        mentions: ['lists Java first'],
      },
      {
        fact: 'Python listed before JavaScript: Django, with JavaScript kept for the front end (seed 000, a full-stack framework)',
        languages: ['python', 'javascript'],
        choice: 'django',
        alternatives: ['nextjs'],
        mentions: ['lists Python first'],
      },
      {
        fact: 'TypeScript listed before Go: Next.js',
        languages: ['typescript', 'go'],
        choice: 'nextjs',
        alternatives: ['remix', 'go_stdlib'],
        mentions: ['lists TypeScript first'],
      },
      {
        fact: 'Python listed before Ruby: Django; the order given decides, not a fixed order of ours',
        languages: ['python', 'ruby'],
        choice: 'django',
        alternatives: ['rails', 'nextjs'],
        mentions: ['lists Python first'],
      },
      {
        fact: 'Kotlin before C#: Spring Boot; C# first: ASP.NET Core',
        languages: ['kotlin', 'csharp'],
        choice: 'spring_boot',
        alternatives: ['aspnet_core', 'nextjs'],
        mentions: ['lists Kotlin first'],
      },
      {
        fact: 'an unmapped language beside a mapped one: the mapped one decides',
        languages: ['other', 'elixir'],
        choice: 'phoenix',
        alternatives: ['nextjs'],
        mentions: ['another language and Elixir', 'first of them'],
      },
    ]

  for (const { fact, languages, choice, alternatives, mentions } of several)
    it(fact, () => {
      const decision = decideChecked(framework, saasAnswers({ team: { languages } }))
      expect(decision.choice.id).toBe(choice)
      expect(ruleIds(decision)[0]).toBe('framework.primary_language')
      const precedence = reason(decision, 'framework.primary_language')
      expect(precedence.inputs).toEqual(['team.languages'])
      for (const m of mentions) expect(precedence.text).toContain(m)
      expect(decision.alternatives.map((a) => a.id)).toEqual(alternatives)
    })

  it('languages that share a framework need no precedence', () => {
    for (const languages of [
      ['typescript', 'javascript'],
      ['java', 'kotlin'],
    ] as Languages[]) {
      const decision = decideChecked(framework, saasAnswers({ team: { languages } }))
      expect(ruleIds(decision)).not.toContain('framework.primary_language')
    }
  })

  it('every language has a mainstream framework', () => {
    const mapped = LANGUAGES.filter((l) => l !== 'other')
    for (const language of mapped) expect(FRAMEWORK_BY_LANGUAGE[language]).toBeDefined()
    expect(framework.triggers).toEqual([])
  })
})
