import { BAND_PROFILES } from '#app/engine/costs/sizing.ts'
import { because } from '#app/engine/rules/types.ts'
import { type Answers, OperationsSchema } from './answers.ts'
import type { Band, BriefOperations, Decision, Plan } from './brief.ts'
import { choiceNameOf } from './chosen.ts'
import { formatNumber, joinWords, regionLabel } from './prose.ts'

/**
 * The operational assumptions: the uptime, restore-time and data-loss
 * targets (the answers', or the defaults, said to be defaults), which band
 * meets the uptime target, how backups meet the data-loss target, and who
 * answers the page. Read from the answers, the plan and the decisions.
 */

type Targets = NonNullable<Answers['operations']>

/** The targets the brief assumes when the answers give none. */
export const DEFAULT_OPERATIONS: Targets = OperationsSchema.parse({})

const HOURS_PER_MONTH = 730

/** Allowed downtime in a month at an uptime target, in words: "3.7 hours", "44 minutes". */
export function downtimePerMonth(target: Targets['uptimeTarget']): string {
  const hours = ((100 - Number(target)) / 100) * HOURS_PER_MONTH
  return hours >= 1.5 ? `${formatNumber(hours)} hours` : `${formatNumber(Math.round(hours * 60))} minutes`
}

/** The cheapest band whose shape can keep the target: a second instance for 99.9%, a standby database for 99.95%. */
export function bandForUptime(target: Targets['uptimeTarget']): Band {
  if (target === '99.95') return 'scaled'
  if (target === '99.9') return 'moderate'
  return 'lean'
}

function uptimeSentence(target: Targets['uptimeTarget']): string {
  const allows = `${target}% uptime allows about ${downtimePerMonth(target)} of downtime a month`
  switch (bandForUptime(target)) {
    case 'lean':
      return `${allows}, which the lean band can keep, even on one app instance, if deploys roll over without dropping requests.`
    case 'moderate':
      return `${allows}: budget for the moderate band or above, whose ${BAND_PROFILES.moderate.minInstances} app instances keep a deploy or a crash from taking the product down.`
    case 'scaled':
      return `${allows}: budget for the scaled band, whose standby database takes over when the primary fails; one instance of anything cannot keep this target.`
  }
}

function backupsSentence(t: Targets, plan: Plan): string {
  const db = plan.components.find((c) => c.id === 'database')
  const what = db ? `the database (${db.product})` : 'the database'
  const where = joinWords(plan.regions.map(regionLabel))
  const ownServers = db?.catalogId === 'small_vps'
  const loss = t.maxDataLossMinutes
  const how =
    loss < 5
      ? 'continuous archiving of the write-ahead log plus a standby that receives every write, since even a few minutes of lost writes is over the target'
      : loss <= 60
        ? `point-in-time recovery (continuous archiving of the write-ahead log), since a nightly copy would lose up to a day against a target of ${formatNumber(loss)} minutes`
        : `a backup at least every ${formatNumber(loss >= 1440 ? Math.round(loss / 60) : loss)} ${loss >= 1440 ? 'hours' : 'minutes'}, or point-in-time recovery where the plan includes it`
  const who = ownServers ? 'Your team runs them' : 'Turn them on in the provider and check the retention of your plan'
  const fast =
    t.restoreWithinHours < 1
      ? ' A restore from backup seldom finishes within the hour, so the restore target also asks for the standby database of the scaled band.'
      : ''
  return `Back up ${what} with ${how}; keep the copies in ${where}.${fast} ${who}, and rehearse a restore into a fresh database before launch and every quarter, timed against the ${formatNumber(t.restoreWithinHours)}-hour restore target.`
}

function onCallSentence(a: Answers, decisions: readonly Decision[]): string {
  const tool = choiceNameOf(decisions, 'observability')
  const pages = tool ? `Pages come from the alerts in ${tool}` : 'Pages come from the error-rate alert'
  const { engineers, opsExperience } = a.team
  if (engineers === 1)
    return `The one engineer is on call at all times; ${pages.charAt(0).toLowerCase()}${pages.slice(1)}, so page only for outages and the error-rate jump, and give a second person the access to restart the service.`
  const lead = opsExperience === 'dedicated' ? ', led by the engineer who owns operations' : ''
  const nights = engineers <= 3 ? '; with so few people, page at night only for outages' : ''
  return `The ${formatNumber(engineers)} engineers take turns on call a week at a time${lead}${nights}. ${pages}.`
}

export function assumeOperations(a: Answers, decisions: readonly Decision[], plan: Plan): BriefOperations {
  const t = a.operations ?? DEFAULT_OPERATIONS
  const stated = a.operations !== undefined
  return {
    uptimeTarget: t.uptimeTarget,
    restoreWithinHours: t.restoreWithinHours,
    maxDataLossMinutes: t.maxDataLossMinutes,
    stated,
    uptime: uptimeSentence(t.uptimeTarget),
    backups: backupsSentence(t, plan),
    onCall: onCallSentence(a, decisions),
    because: [
      because(
        'operations.targets',
        ['operations.uptimeTarget', 'operations.restoreWithinHours', 'operations.maxDataLossMinutes'],
        stated
          ? 'The targets are the ones the answers give.'
          : `No operational targets were given, so the brief assumes the defaults: ${DEFAULT_OPERATIONS.uptimeTarget}% uptime, a restore within ${formatNumber(DEFAULT_OPERATIONS.restoreWithinHours)} hours and at most ${formatNumber(DEFAULT_OPERATIONS.maxDataLossMinutes)} minutes of lost writes.`,
      ),
      because(
        'operations.on_call',
        ['team.engineers', 'team.opsExperience'],
        'Who answers a page follows from the size of the team and who owns operations.',
      ),
    ],
  }
}
