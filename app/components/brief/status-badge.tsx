import type { Decision, Risk, Trigger } from '#app/engine/brief.ts'
import { DECISION_STATUS_LABELS, SEVERITY_LABELS, TRIGGER_STATUS_LABELS } from '#app/vocabulary/answer-labels.ts'

/* Every badge carries its word and a shape, so status never depends on colour alone; the shapes are drawn by the style sheet (`.badge--…::before`), hidden from screen readers. */

export function TriggerBadge({ status }: { status: Trigger['status'] }) {
  return <span className={`badge badge--${status}`}>{TRIGGER_STATUS_LABELS[status]}</span>
}

export function DecisionBadge({ status }: { status: Decision['status'] }) {
  return <span className={`badge badge--${status}`}>{DECISION_STATUS_LABELS[status]}</span>
}

export function SeverityBadge({ severity }: { severity: Risk['severity'] }) {
  return <span className={`badge badge--severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>
}
