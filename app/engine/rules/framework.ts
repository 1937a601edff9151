import type { Answers } from '#app/engine/answers.ts'
import type { Alternative, Because, Decision } from '#app/engine/brief.ts'
import { LANGUAGE_NAMES, listPhrase, teamSubject } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

type Language = Answers['team']['languages'][number]
type MappedLanguage = Exclude<Language, 'other'>
export type FrameworkId =
  | 'nextjs'
  | 'remix'
  | 'rails'
  | 'django'
  | 'laravel'
  | 'phoenix'
  | 'spring_boot'
  | 'aspnet_core'
  | 'go_stdlib'
  | 'axum'

export const FRAMEWORK_NAMES: Record<FrameworkId, string> = {
  nextjs: 'Next.js',
  remix: 'Remix',
  rails: 'Ruby on Rails',
  django: 'Django',
  laravel: 'Laravel',
  phoenix: 'Phoenix',
  spring_boot: 'Spring Boot',
  aspnet_core: 'ASP.NET Core',
  go_stdlib: 'Go with net/http, the chi router and sqlc',
  axum: 'Axum',
}

export const FRAMEWORK_BY_LANGUAGE: Record<MappedLanguage, FrameworkId> = {
  typescript: 'nextjs',
  javascript: 'nextjs',
  ruby: 'rails',
  python: 'django',
  php: 'laravel',
  elixir: 'phoenix',
  go: 'go_stdlib',
  java: 'spring_boot',
  kotlin: 'spring_boot',
  csharp: 'aspnet_core',
  rust: 'axum',
}

const FULL_STACK = new Set<FrameworkId>(['nextjs', 'remix', 'rails', 'django', 'laravel', 'phoenix'])
const SERVER_LANGUAGES_WITH_FULL_STACK = new Set<Language>(['ruby', 'python', 'php', 'elixir'])

const WHY_FRAMEWORK: Record<FrameworkId, string> = {
  nextjs: 'it renders pages and serves API routes from one TypeScript codebase, from the browser to the database',
  remix: 'it renders pages and handles forms through loaders and actions from one TypeScript codebase',
  rails:
    'it brings the database layer, migrations, background jobs, mail and server-rendered pages in one framework, with conventions that keep a small team fast',
  django:
    'it brings the ORM, migrations, authentication hooks and an admin screen for operations staff in one framework',
  laravel: 'it brings routing, the Eloquent ORM, queues, mail and server-rendered pages in one framework',
  phoenix:
    'it serves pages, JSON and live updates (LiveView and channels) from one Elixir application, with the concurrency of the BEAM underneath',
  spring_boot:
    'it is the mainstream choice on the JVM: web endpoints, data access, migrations and security from one well-documented starter',
  aspnet_core: 'it serves Razor pages and JSON APIs from one C# project, with Entity Framework Core for data access',
  go_stdlib:
    'Go has no single dominant full-stack framework; the standard library’s net/http with the chi router serves the API and server-rendered templates, and sqlc turns plain SQL into typed Go, with few dependencies to keep current',
  axum: 'it is the most widely used Rust web framework, built on tokio, with sqlx for checked database queries',
}

const NEXTJS_OVER_REMIX =
  'Between the two TypeScript full-stack frameworks we pick Next.js: the hosted auth providers ship their most complete integration for it and every managed platform deploys it without configuration, with Remix a close second.'

function languageNames(languages: readonly Language[]): string {
  return listPhrase(languages.map((l) => LANGUAGE_NAMES[l]))
}

function whyNotOtherLanguage(language: MappedLanguage, chosen: MappedLanguage): string {
  const name = LANGUAGE_NAMES[language]
  const chosenName = LANGUAGE_NAMES[chosen]
  const framework = FRAMEWORK_BY_LANGUAGE[language]
  if (!FULL_STACK.has(framework) && FULL_STACK.has(FRAMEWORK_BY_LANGUAGE[chosen])) {
    return `Your team also knows ${name}, but its mainstream framework serves an API and leaves the pages to a separate front end: a second codebase and deploy that ${FRAMEWORK_NAMES[FRAMEWORK_BY_LANGUAGE[chosen]]} makes unnecessary.`
  }
  if ((language === 'typescript' || language === 'javascript') && SERVER_LANGUAGES_WITH_FULL_STACK.has(chosen)) {
    return `Your team also knows ${name}; keep it for the interactive parts of the front end while ${FRAMEWORK_NAMES[FRAMEWORK_BY_LANGUAGE[chosen]]} renders the pages and serves the API, so the server stays in ${chosenName}.`
  }
  return `Your team also knows ${name} and ${FRAMEWORK_NAMES[framework]} would serve too; ${chosenName} is listed first, as the team's primary language, so the server is written in it.`
}

function decideFor(a: Answers): Decision {
  const languages = a.team.languages
  const mapped = languages.filter((l): l is MappedLanguage => l !== 'other')
  const team = teamSubject(a.team.engineers)
  const list: Because[] = []
  const alternatives: Alternative[] = []

  // The team's primary language is the first it lists that maps to a web framework.
  const lead = mapped[0]
  let id: FrameworkId
  if (lead === undefined) {
    id = 'nextjs'
    list.push(
      because(
        'framework.unlisted_language',
        ['team.languages', 'team.engineers'],
        `${team} work in a language we do not map to a web framework, so we suggest Next.js: TypeScript has the largest pool of web developers and the most hosted services with first-class support; if the team is fluent in a mainstream web framework of its own language, use that instead.`,
      ),
    )
  } else {
    id = FRAMEWORK_BY_LANGUAGE[lead]
    const frameworks = new Set(languages.map((l) => (l === 'other' ? 'other' : FRAMEWORK_BY_LANGUAGE[l])))
    if (frameworks.size > 1) {
      list.push(
        because(
          'framework.primary_language',
          ['team.languages'],
          languages[0] === lead
            ? `Your team knows ${languageNames(languages)} and lists ${LANGUAGE_NAMES[lead]} first, as its primary language, so ${LANGUAGE_NAMES[lead]} decides the framework.`
            : `Your team knows ${languageNames(languages)}; ${LANGUAGE_NAMES[lead]} is the first of them with a mainstream web framework, so ${LANGUAGE_NAMES[lead]} decides the framework.`,
        ),
      )
    }
    const rule = FULL_STACK.has(id) ? 'framework.team_language' : 'framework.closest_mainstream'
    const spoken = languageNames(mapped.filter((l) => FRAMEWORK_BY_LANGUAGE[l] === id))
    list.push(
      because(
        rule,
        ['team.languages', 'team.engineers'],
        `${team} already ship in ${spoken}, so use ${id === 'go_stdlib' ? 'the ' : ''}${FRAMEWORK_NAMES[id]}: ${WHY_FRAMEWORK[id]}.`,
      ),
    )
    const seen = new Set<FrameworkId>([id])
    for (const language of mapped) {
      const framework = FRAMEWORK_BY_LANGUAGE[language]
      if (seen.has(framework)) continue
      seen.add(framework)
      alternatives.push({
        id: framework,
        name: FRAMEWORK_NAMES[framework],
        whyNot: whyNotOtherLanguage(language, lead),
      })
    }
    if (id !== 'nextjs' && !seen.has('nextjs')) {
      alternatives.push({
        id: 'nextjs',
        name: FRAMEWORK_NAMES.nextjs,
        whyNot: `${team} would have to learn TypeScript and a new framework before launch, while ${FRAMEWORK_NAMES[id]} is already familiar; the language a team knows is worth more than any framework’s features at this stage.`,
      })
    }
  }
  if (id === 'nextjs') {
    list.push(because('framework.nextjs_over_remix', [], NEXTJS_OVER_REMIX))
    if (mapped.length > 0 && mapped.every((l) => l === 'javascript')) {
      list.push(
        because(
          'framework.javascript_team',
          ['team.languages'],
          'Your team writes JavaScript; Next.js runs it as it is, and TypeScript can be added one file at a time when the checks start to pay off.',
        ),
      )
    }
    alternatives.unshift({
      id: 'remix',
      name: FRAMEWORK_NAMES.remix,
      whyNot:
        'An equally sound TypeScript full-stack framework built on web-standard loaders and actions; it comes second only because hosted auth and managed platforms support Next.js more directly. Choose it if your team already knows it.',
    })
  }
  return {
    area: 'framework',
    title: 'Framework',
    choice: { id, name: FRAMEWORK_NAMES[id] },
    status: 'adopt',
    because: list,
    alternatives,
    revisitWhen: [],
    guide: 'default-stack',
  }
}

export const framework: AreaRules = {
  area: 'framework',
  decide: decideFor,
  triggers: [],
}
