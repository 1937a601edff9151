import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { Reasons } from './reasons.tsx'
import { BriefSection } from './section.tsx'
import { TriggerBadge } from './status-badge.tsx'

export function Deferred({ brief, answers }: { brief: Brief; answers: Answers }) {
  const triggers = new Map(brief.triggers.map((t) => [t.id, t]))
  return (
    <BriefSection id="deferred" title="Deferred" intro="Left out on purpose, each until a named trigger holds.">
      {brief.deferred.length === 0 ? (
        <p>Nothing is deferred.</p>
      ) : (
        <ul className="card-list">
          {brief.deferred.map((item) => {
            const trigger = triggers.get(item.until)
            return (
              <li key={item.id} className="card">
                <h3>{item.what}</h3>
                <p className="until">
                  Until: <a href={`#trigger-${item.until}`}>{trigger?.title ?? item.until}</a>{' '}
                  {trigger ? <TriggerBadge status={trigger.status} /> : null}
                </p>
                {/* With an executive brief the decision's card gives the reason and the trigger the condition; the rule is in the appendix. */}
                {brief.executive ? null : <Reasons because={item.because} answers={answers} />}
              </li>
            )
          })}
        </ul>
      )}
    </BriefSection>
  )
}
