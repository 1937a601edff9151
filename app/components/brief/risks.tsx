import type { Answers } from '~/engine/answers'
import type { Brief } from '~/engine/brief'
import { SEVERITY_LABELS, SEVERITY_ORDER } from './answer-labels'
import { Reasons } from './reasons'
import { BriefSection } from './section'
import { SeverityBadge } from './status-badge'

export function Risks({ brief, answers }: { brief: Brief; answers: Answers }) {
  return (
    <BriefSection id="risks" title="Risks">
      {brief.risks.length === 0 ? (
        <p>No risks stand out for these answers.</p>
      ) : (
        SEVERITY_ORDER.map((severity) => {
          const risks = brief.risks.filter((r) => r.severity === severity)
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
                    <Reasons because={risk.because} answers={answers} />
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
