import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Brief, Risk } from '#app/engine/brief.ts'
import { SEVERITY_LABELS, SEVERITY_ORDER } from '#app/vocabulary/answer-labels.ts'
import { AnswerChips } from './reasons.tsx'
import { BriefSection } from './section.tsx'
import { SeverityBadge } from './status-badge.tsx'
import { answerReadCounts, tellingAnswers } from './telling-answers.ts'

export function Risks({ brief, answers }: { brief: Brief; answers: Answers }) {
  const readCounts = answerReadCounts([...brief.decisions.map((d) => d.because), ...brief.risks.map((r) => r.because)])
  // With an executive brief, what would make the plan wrong has its own section.
  const listed = brief.executive ? brief.risks.filter((r) => r.kind === 'risk') : brief.risks
  return (
    <BriefSection id="risks" title="Risks">
      {listed.length === 0 ? (
        <p>No risks stand out for these answers.</p>
      ) : (
        SEVERITY_ORDER.map((severity) => {
          const risks = listed.filter((r) => r.severity === severity)
          if (risks.length === 0) return null
          return (
            <div key={severity} className="risk-group">
              <h3>
                {SEVERITY_LABELS[severity]} severity <span className="count">({risks.length})</span>
              </h3>
              <ul className="card-list">
                {risks.map((risk) => (
                  <li key={risk.id} className={`card risk risk--${risk.severity}`}>
                    <p className="risk__text">
                      <SeverityBadge severity={risk.severity} /> {risk.text}
                    </p>
                    <p className="risk__mitigation">
                      <strong>Mitigation:</strong> {risk.mitigation}
                    </p>
                    <RiskReasons risk={risk} answers={answers} readCounts={readCounts} />
                  </li>
                ))}
              </ul>
            </div>
          )
        })
      )}
    </BriefSection>
  )
}

/** A risk quotes only the answers that tell most about it; why its rule fired, and every answer it read, are in the appendices. */
function RiskReasons({
  risk,
  answers,
  readCounts,
}: {
  risk: Risk
  answers: Answers
  readCounts: ReadonlyMap<AnswerPath, number>
}) {
  const shown = tellingAnswers(risk, answers, readCounts)
  const all = new Set(risk.because.flatMap((b) => b.inputs))
  const more = all.size - shown.length
  return (
    <>
      <AnswerChips paths={shown} answers={answers} />
      {more > 0 ? (
        <p className="reason__more">
          It also read {more} other {more === 1 ? 'answer' : 'answers'}; <a href="#rules">the appendix</a> lists every
          one.
        </p>
      ) : null}
    </>
  )
}
