import type { Answers } from '#app/engine/answers.ts'
import type { Because } from '#app/engine/brief.ts'
import { plural, yourTeam } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

/** Past this many engineers, one repository needs owners per folder to keep reviews with the right people. */
export const CODE_OWNERS_FROM_ENGINEERS = 15

function reasons(a: Answers): Because[] {
  const now = a.team.engineers
  const later = a.team.engineersIn12Months
  const growth = later === now ? '' : `, growing to ${later} within a year`
  const list: Because[] = [
    because(
      'repo.one_repository',
      ['team.engineers', 'team.engineersIn12Months'],
      `Keep everything ${yourTeam(now)} write${now === 1 ? 's' : ''} in one repository${growth}: a change that touches the server, the front end and the database schema is one pull request, one review and one CI run, and any file is one search away.`,
    ),
  ]
  if (a.product.clients.includes('mobile')) {
    list.push(
      because(
        'repo.mobile_beside_server',
        ['product.clients'],
        'Your mobile app lives in the same repository as the backend, so the types of the API it calls are checked against the server in the same build instead of drifting between two repositories.',
      ),
    )
  }
  if (later > CODE_OWNERS_FROM_ENGINEERS) {
    list.push(
      because(
        'repo.code_owners_at_scale',
        ['team.engineersIn12Months'],
        `With ${plural(later, 'engineer')} expected in 12 months, keep the single repository but give each module an owners file, so reviews reach the people responsible for that code.`,
      ),
    )
  }
  return list
}

export const repo: AreaRules = {
  area: 'repo',
  decide: (a) => ({
    area: 'repo',
    title: 'Repository',
    choice: { id: 'monorepo', name: 'One repository (monorepo)' },
    status: 'adopt',
    because: reasons(a),
    alternatives: [
      {
        id: 'polyrepo',
        name: 'One repository per service or app',
        whyNot: `Splitting code across repositories means publishing shared code as versioned packages and coordinating pull requests that must land together; with ${plural(a.team.engineers, 'engineer')} and one deployable there is no team boundary for separate repositories to follow.`,
      },
    ],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
