import type { Answers } from '#app/engine/answers.ts'
import type { Alternative, Because } from '#app/engine/brief.ts'
import { HEALTH_INPUTS, healthRegulated } from '#app/engine/constraints.ts'
import { type HostingChoice, hostChoice, placeHost } from './_placement.ts'
import { formatUsd, plural, yourTeam } from './_shared-stack.ts'
import { type AreaRules, because, type TriggerDef } from './types.ts'

export const SPEND_OVER_BUDGET: TriggerDef = {
  id: 'spend_over_budget',
  area: 'hosting',
  title: 'Monthly infrastructure spend above the budget',
  metric: 'monthly_infra_usd',
  comparator: '>',
  threshold: (a) => a.budget.monthlyInfraUsd,
  action:
    'Open the bill and go through it line by line: find the largest items, right-size instances and database plans to what the metrics show is used, remove idle resources and unused add-ons, and only then consider moving anything.',
  guide: 'cost-bands',
}

const NAMES: Record<HostingChoice, string> = {
  managed_paas: 'Managed platform (PaaS)',
  cloud_provider: 'Managed services of a major cloud provider',
  self_hosted: 'Your own servers',
}

const OPS_WORDS: Record<Answers['team']['opsExperience'], string> = {
  none: 'no experience running servers',
  some: 'some experience running servers',
  dedicated: 'dedicated operations people',
}

/** What the cost lines price on a cloud provider: EC2 instances, with ECS placing the containers on them at no charge of its own. */
const ECS_ON_EC2 =
  'Amazon ECS, which runs the app as containers on the EC2 instances priced in the costs at no charge of its own, behind a load balancer once there are two or more,'

function cloudManagedServices(a: Answers): Because {
  return because(
    'hosting.cloud_managed_services',
    ['team.engineers', 'team.opsExperience'],
    `Use managed Postgres and ${ECS_ON_EC2} rather than hand-built virtual machines: with ${OPS_WORDS[a.team.opsExperience]}, ${yourTeam(a.team.engineers)} should be writing product, not patching servers.`,
  )
}

function choose(a: Answers, hipaa: boolean): { id: HostingChoice; because: Because[] } {
  const team = yourTeam(a.team.engineers)
  const ops = OPS_WORDS[a.team.opsExperience]
  switch (a.budget.hosting) {
    case 'no_preference':
      if (hipaa) {
        return {
          id: 'cloud_provider',
          because: [
            because(
              'hosting.hipaa_prefers_cloud_provider',
              ['budget.hosting', ...HEALTH_INPUTS],
              'HIPAA applies and you left hosting open: every host that stores or processes health records must sign a Business Associate Agreement (BAA); the major cloud providers sign one covering their managed database, containers and storage on ordinary accounts, while many platforms offer it only on enterprise plans or not at all, so a cloud provider is the safer default.',
            ),
            cloudManagedServices(a),
          ],
        }
      }
      return {
        id: 'managed_paas',
        because: [
          because(
            'hosting.managed_paas_default',
            ['budget.hosting', ...HEALTH_INPUTS, 'team.engineers', 'team.opsExperience'],
            `You have no hosting preference, no HIPAA obligations and ${ops}: a managed platform runs the servers, TLS, deploys and database backups, so ${team} can spend their time on the product instead of on-call.`,
          ),
        ],
      }
    case 'managed_paas':
      return {
        id: 'managed_paas',
        because: [
          because(
            'hosting.managed_paas_requested',
            ['budget.hosting', ...HEALTH_INPUTS, 'team.engineers', 'team.opsExperience'],
            `You chose a managed platform, which is also our default: with ${ops} on the team, it takes servers, TLS, deploys and backups off the plate of ${team}.`,
          ),
          ...(hipaa
            ? [
                because(
                  'hosting.hipaa_needs_baa',
                  ['budget.hosting', ...HEALTH_INPUTS],
                  'HIPAA applies: the platform must sign a Business Associate Agreement (BAA) covering the app, the database, logs and backups, so check which plan includes one before you commit, and if no platform you like will sign, the managed services of a major cloud provider, which do, are the safer route.',
                ),
              ]
            : []),
        ],
      }
    case 'cloud_provider':
      return {
        id: 'cloud_provider',
        because: [
          because(
            'hosting.cloud_provider_requested',
            ['budget.hosting', ...HEALTH_INPUTS, 'team.engineers', 'team.opsExperience'],
            `You chose a cloud provider: use managed Postgres and ${ECS_ON_EC2} rather than raw virtual machines, since ${team} with ${ops} should not be patching operating systems or restoring databases by hand.`,
          ),
          ...(hipaa
            ? [
                because(
                  'hosting.hipaa_needs_baa',
                  ['budget.hosting', ...HEALTH_INPUTS],
                  'HIPAA applies: sign the provider’s Business Associate Agreement (BAA) before any health record arrives, and keep those records only in the services it lists as covered.',
                ),
              ]
            : []),
        ],
      }
    case 'self_hosted':
      return {
        id: 'self_hosted',
        because: [
          because(
            'hosting.self_hosted_requested',
            ['budget.hosting', ...HEALTH_INPUTS, 'team.engineers', 'team.opsExperience'],
            a.team.opsExperience === 'none'
              ? `You chose to host it yourselves with ${ops} on the team: ${team} will own patching, TLS certificates, backups and restores, so automate each one and rehearse a restore before launch.`
              : `You chose to host it yourselves with ${ops} on the team: give ${team} one server image, automated backups you have restored at least once, and a written runbook for the database.`,
          ),
          ...(hipaa
            ? [
                because(
                  'hosting.hipaa_needs_baa',
                  ['budget.hosting', ...HEALTH_INPUTS],
                  'HIPAA applies and you run the servers: encryption at rest, access logs and tested backups are yours to prove, and any outside service that touches health records, from email to error tracking, must sign a Business Associate Agreement (BAA).',
                ),
              ]
            : []),
        ],
      }
  }
}

function alternatives(a: Answers, chosen: HostingChoice, hipaa: boolean, moved?: Because): Alternative[] {
  const weeks = plural(a.budget.weeksToLaunch, 'week')
  const engineers = plural(a.team.engineers, 'engineer')
  const setup = `networking, access policies and container setup would cost ${engineers} days to weeks of the ${weeks} before launch`
  const whyNot: Record<HostingChoice, string> = {
    managed_paas:
      chosen === 'self_hosted'
        ? 'You asked for your own servers; a managed platform is the quickest way to shed patching and backups if running them starts taking time from the product.'
        : a.budget.hosting === 'no_preference'
          ? 'HIPAA applies, and many platforms sign a Business Associate Agreement only on enterprise plans or not at all; choose one only after it has agreed to sign.'
          : 'You asked for a cloud provider; a managed platform would be less to operate but gives up the control over networking and services you chose it for.',
    cloud_provider:
      chosen === 'self_hosted'
        ? 'You asked for your own servers; a cloud provider’s managed database and containers would take backups and patching off you, and are the next step if running servers starts taking time from the product.'
        : hipaa
          ? `The fallback if your platform will not sign a Business Associate Agreement; otherwise ${setup}.`
          : `On a cloud provider, ${setup}, for control a first product rarely needs.`,
    self_hosted:
      a.team.opsExperience === 'dedicated'
        ? `Even with dedicated operations people, your own servers mean patching, backups and on-call from the first day, time the ${weeks} before launch are better spent without.`
        : `Your team has ${OPS_WORDS[a.team.opsExperience]}; your own servers would add patching, backups and night-time on-call for ${engineers}.`,
  }
  // A managed platform the constraints ruled out says why, with the figures.
  if (moved && chosen !== 'managed_paas') whyNot.managed_paas = moved.text
  return (['managed_paas', 'cloud_provider', 'self_hosted'] as const)
    .filter((id) => id !== chosen)
    .map((id) => ({ id, name: NAMES[id], whyNot: whyNot[id] }))
}

export const hosting: AreaRules = {
  area: 'hosting',
  decide: (a, catalog) => {
    const hipaa = healthRegulated(a)
    const placed = placeHost(a, catalog)
    const asked = choose(a, hipaa)
    // The residency and BAA facts of the vendor replace the general advice to check for a BAA.
    const kept = placed.because ? asked.because.filter((b) => b.rule !== 'hosting.hipaa_needs_baa') : asked.because
    // When the facts move the host away from what was asked, the reasons for the asked host no longer apply.
    const move = placed.id !== asked.id ? placed.because : undefined
    const reasons = move
      ? [move, ...(placed.id === 'cloud_provider' ? [cloudManagedServices(a)] : [])]
      : placed.because
        ? [...kept, placed.because]
        : kept
    const id = placed.id
    const budget = because(
      'hosting.spend_within_budget',
      ['budget.monthlyInfraUsd', 'budget.weeksToLaunch'],
      `Your budget is ${formatUsd(a.budget.monthlyInfraUsd)} a month for infrastructure with ${plural(a.budget.weeksToLaunch, 'week')} to launch; once you deploy, compare the bill to that figure every month.`,
    )
    return {
      area: 'hosting',
      title: 'Hosting',
      choice: hostChoice(placed, NAMES),
      status: 'adopt',
      because: [...reasons, budget],
      alternatives: alternatives(a, id, hipaa, placed.id !== asked.id ? placed.because : undefined),
      revisitWhen: [SPEND_OVER_BUDGET.id],
      guide: 'default-stack',
    }
  },
  triggers: [SPEND_OVER_BUDGET],
}
