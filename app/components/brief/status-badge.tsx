import type { Decision, Risk, Trigger } from '~/engine/brief'
import { DECISION_STATUS_LABELS, SEVERITY_LABELS, TRIGGER_STATUS_LABELS } from './answer-labels'

/* Every badge carries its word and a shape, so status never depends on colour alone. */

const TRIGGER_MARKS: Record<Trigger['status'], string> = { ok: '✓', approaching: '▲', fired: '!' }
const DECISION_MARKS: Record<Decision['status'], string> = {
  adopt: '●',
  trial: '◑',
  defer: '◐',
  avoid: '○',
  not_applicable: '–',
}
const SEVERITY_MARKS: Record<Risk['severity'], string> = { high: '▲', medium: '◆', low: '▽' }

export function TriggerBadge({ status }: { status: Trigger['status'] }) {
  return (
    <span className={`badge badge--${status}`}>
      <span aria-hidden="true">{TRIGGER_MARKS[status]}</span> {TRIGGER_STATUS_LABELS[status]}
    </span>
  )
}

export function DecisionBadge({ status }: { status: Decision['status'] }) {
  return (
    <span className={`badge badge--${status}`}>
      <span aria-hidden="true">{DECISION_MARKS[status]}</span> {DECISION_STATUS_LABELS[status]}
    </span>
  )
}

export function SeverityBadge({ severity }: { severity: Risk['severity'] }) {
  return (
    <span className={`badge badge--severity-${severity}`}>
      <span aria-hidden="true">{SEVERITY_MARKS[severity]}</span> {SEVERITY_LABELS[severity]}
    </span>
  )
}
