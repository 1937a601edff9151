import type { Answers } from '#app/engine/answers.ts'
import type { Because } from '#app/engine/brief.ts'
import { plural, yourTeam } from './_shared-stack.ts'
import { type AreaRules, because, type TriggerDef } from './types.ts'

/** Independent deploys start to pay for themselves past about this many engineers working on one service. */
export const ENGINEERS_PER_SERVICE_LIMIT = 15

export const TEAM_OUTGROWS_ONE_SERVICE: TriggerDef = {
  id: 'team_outgrows_one_service',
  area: 'architecture_style',
  title: 'More engineers on one service than one deploy pipeline can serve',
  metric: 'engineers',
  comparator: '>',
  threshold: ENGINEERS_PER_SERVICE_LIMIT,
  action:
    'Extract one service at a time: pick the module with the clearest boundary and the least shared state first, run the new service beside the monolith behind a feature flag, move traffic to it gradually, and never attempt a rewrite.',
  guide: 'migration-triggers',
}

function reasons(a: Answers): Because[] {
  const now = a.team.engineers
  const later = a.team.engineersIn12Months
  const growth = later === now ? '' : ` (${later} expected in 12 months)`
  const list: Because[] = [
    because(
      'architecture_style.one_deployable',
      ['team.engineers', 'team.engineersIn12Months'],
      `Ship one deployable split inside into modules by domain, so that for ${yourTeam(now)}${growth} a feature is one change, one test run and one release, and a call between modules is a function call rather than a network hop that can fail.`,
    ),
    because(
      'architecture_style.domain_out_of_delivery',
      [],
      'Keep business rules in plain modules that web handlers, background jobs and scheduled tasks all call, and give each domain its own tables; a module with a clean edge can later become a service without rewriting it.',
    ),
  ]
  if (later > ENGINEERS_PER_SERVICE_LIMIT) {
    list.push(
      because(
        'architecture_style.team_passes_split_point',
        ['team.engineersIn12Months'],
        `You expect ${plural(later, 'engineer')} within 12 months, more than the ${ENGINEERS_PER_SERVICE_LIMIT} or so who can share one service comfortably: start as one deployable anyway, and when teams begin queueing behind each other's deploys, extract the module with the clearest boundary first.`,
      ),
    )
  }
  return list
}

export const architectureStyle: AreaRules = {
  area: 'architecture_style',
  decide: (a) => ({
    area: 'architecture_style',
    title: 'Architecture style',
    choice: { id: 'modular_monolith', name: 'Modular monolith' },
    status: 'adopt',
    because: reasons(a),
    alternatives: [
      {
        id: 'extract_services',
        name: 'Microservices from the start',
        whyNot: `Separate services would give ${plural(a.team.engineers, 'engineer')} several pipelines to keep green, network calls that fail halfway and data spread across stores, while nobody yet needs to deploy independently; that need appears past about ${ENGINEERS_PER_SERVICE_LIMIT} engineers on one service.`,
      },
    ],
    revisitWhen: [TEAM_OUTGROWS_ONE_SERVICE.id],
    guide: 'default-stack',
  }),
  triggers: [TEAM_OUTGROWS_ONE_SERVICE],
}
