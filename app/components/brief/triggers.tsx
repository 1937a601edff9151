import type { Answers } from '#app/engine/answers.ts'
import type { Brief, Trigger } from '#app/engine/brief.ts'
import { ANSWER_LABELS, describeThreshold, formatMeasure, metricLabel } from '#app/vocabulary/answer-labels.ts'
import { GuideLink } from './guide-link.tsx'
import { BriefSection } from './section.tsx'
import { TriggerBadge } from './status-badge.tsx'

const STATUS_ORDER: Record<Trigger['status'], number> = { fired: 0, approaching: 1, ok: 2 }

export function Triggers({ brief }: { brief: Brief; answers: Answers }) {
  const triggers = [...brief.triggers].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
  return (
    <BriefSection
      id="triggers"
      title="Migration triggers"
      intro="The measurable conditions that reopen a decision, judged here against your 12-month answers. Check them again as real numbers come in."
    >
      {triggers.length === 0 ? (
        <p>No triggers are watched for this brief.</p>
      ) : (
        <ul className="trigger-list">
          {triggers.map((trigger) => (
            <TriggerCard key={trigger.id} trigger={trigger} />
          ))}
        </ul>
      )}
    </BriefSection>
  )
}

function TriggerCard({ trigger }: { trigger: Trigger }) {
  return (
    <li id={`trigger-${trigger.id}`} className={`trigger trigger--${trigger.status}`}>
      <div className="trigger__header">
        <h3>{trigger.title}</h3>
        <TriggerBadge status={trigger.status} />
      </div>
      <dl className="trigger__figures">
        <div>
          <dt>Watches</dt>
          <dd>{metricLabel(trigger.metric)}</dd>
        </div>
        <div>
          <dt>Threshold</dt>
          <dd>
            {describeThreshold(trigger.comparator, trigger.threshold, trigger.unit)}
            {trigger.alsoRequires.map((c) => (
              <span key={c.metric} className="also">
                and {metricLabel(c.metric)} {describeThreshold(c.comparator, c.threshold, c.unit)}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>Observed</dt>
          <dd>
            {trigger.observed === null ? (
              'Not in the answers: measure it once the product is live'
            ) : (
              <>
                {formatMeasure(trigger.observed, trigger.unit)}
                {trigger.observedFrom ? (
                  <span className="cell-note">from “{ANSWER_LABELS[trigger.observedFrom].label}”</span>
                ) : null}
              </>
            )}
          </dd>
        </div>
      </dl>
      <p className="trigger__action">
        <strong>When it holds:</strong> {trigger.action}
      </p>
      <p>
        <GuideLink slug={trigger.guide} />
      </p>
    </li>
  )
}
