import { createContext, useContext } from 'react'
import type { Answers } from '#app/engine/answers.ts'
import type { Because, Brief, Decision, Trigger } from '#app/engine/brief.ts'
import { overrideSentence } from '#app/engine/override-sentence.ts'
import { splitSentences } from '#app/engine/said-once.ts'
import { GuideLink } from './guide-link.tsx'
import { Reasons } from './reasons.tsx'
import { BriefSection } from './section.tsx'
import { DecisionBadge, TriggerBadge } from './status-badge.tsx'

/** True where a person may override decisions (a saved brief's page): each decision then links to the override form. */
export const OverrideLinks = createContext(false)

export function DecisionDetails({ brief, answers }: { brief: Brief; answers: Answers }) {
  const triggers = new Map(brief.triggers.map((t) => [t.id, t]))
  // An area the plan does not need is one line, not a card, unless a person decided otherwise.
  const compact = (d: Decision) => d.choice.id === 'none' && !d.override
  const notNeeded = brief.decisions.filter(compact)
  // A sentence the executive brief's stack table already gave is not given again.
  const said = new Set(brief.executive?.stack.map((s) => s.reason) ?? [])
  return (
    <BriefSection id="reasons" title="Why each decision">
      <div className="decision-list">
        {brief.decisions
          .filter((d) => !compact(d))
          .map((decision) => (
            <DecisionCard key={decision.area} decision={decision} answers={answers} triggers={triggers} said={said} />
          ))}
      </div>
      {notNeeded.length > 0 ? (
        <>
          <h3>Not needed in this plan</h3>
          <ul className="not-needed">
            {notNeeded.map((d) => (
              <NotNeeded key={d.area} decision={d} />
            ))}
          </ul>
        </>
      ) : null}
    </BriefSection>
  )
}

function DecisionReasons({ because, answers }: { because: readonly Because[]; answers: Answers }) {
  if (because.length === 0) return <p>The reason is in the executive brief above.</p>
  return <Reasons because={because} answers={answers} />
}

function withoutSaid(because: readonly Because[], said: ReadonlySet<string>): Because[] {
  return because
    .map((b) => ({
      ...b,
      text: splitSentences(b.text)
        .filter((s) => !said.has(s))
        .join(' '),
    }))
    .filter((b) => b.text !== '')
}

function NotNeeded({ decision }: { decision: Decision }) {
  const overridable = useContext(OverrideLinks)
  return (
    <li id={`decision-${decision.area}`}>
      <strong>{decision.title}:</strong> {decision.because.map((b) => b.text).join(' ')}
      {overridable ? (
        <>
          {' '}
          <a className="decision__override-link" href={`?override=${decision.area}#override`}>
            Override<span className="visually-hidden"> {decision.title}</span>
          </a>
        </>
      ) : null}
    </li>
  )
}

function DecisionCard({
  decision,
  answers,
  triggers,
  said,
}: {
  decision: Decision
  answers: Answers
  triggers: ReadonlyMap<string, Trigger>
  said: ReadonlySet<string>
}) {
  const id = `decision-${decision.area}`
  const applies = decision.choice.id !== 'none'
  const overridable = useContext(OverrideLinks)
  const decided = overrideSentence(decision)
  return (
    <article id={id} className={applies ? 'decision' : 'decision decision--none'}>
      <header className="decision__header">
        <h3>
          <span className="decision__area">
            {decision.title}
            <span className="visually-hidden">:</span>
          </span>{' '}
          {decision.choice.name}
        </h3>
        {applies ? <DecisionBadge status={decision.status} /> : <span className="not-applicable">Not applicable</span>}
        {overridable ? (
          <a className="decision__override-link" href={`?override=${decision.area}#override`}>
            Override<span className="visually-hidden"> {decision.title}</span>
          </a>
        ) : null}
      </header>
      <div className="decision__body">
        <div className="decision__why">
          {decided && decision.override ? (
            <>
              <p className="decision__decided">
                <strong>{decided}</strong>
              </p>
              <h4>Why the engine recommended {decision.override.recommended.name}</h4>
              <Reasons because={decision.override.recommendedBecause} answers={answers} />
            </>
          ) : (
            <DecisionReasons because={withoutSaid(decision.because, said)} answers={answers} />
          )}
        </div>
        <div className="decision__more">
          {decision.alternatives.length > 0 ? (
            <>
              <h4>Alternatives and why not</h4>
              <dl className="alternatives">
                {decision.alternatives.map((alt) => (
                  <div key={alt.id}>
                    <dt>{alt.name}</dt>
                    <dd>{alt.whyNot}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          {decision.revisitWhen.length > 0 ? (
            <>
              <h4>Watched by</h4>
              <ul className="watched">
                {decision.revisitWhen.map((triggerId) => {
                  const trigger = triggers.get(triggerId)
                  return (
                    <li key={triggerId}>
                      <a href={`#trigger-${triggerId}`}>{trigger?.title ?? triggerId}</a>
                      {trigger ? <TriggerBadge status={trigger.status} /> : null}
                    </li>
                  )
                })}
              </ul>
            </>
          ) : null}
          <p className="decision__footer">
            <GuideLink slug={decision.guide} />
          </p>
        </div>
      </div>
    </article>
  )
}
