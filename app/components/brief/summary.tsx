import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { SHAPE_LABELS } from '#app/vocabulary/answer-labels.ts'
import { formatNumber, formatUsdRange } from '#app/vocabulary/format.ts'
import { BriefSection } from './section.tsx'

export function BriefSummary({ brief, answers }: { brief: Brief; answers: Answers }) {
  const { lean, scaled } = brief.costs.bands
  const fired = brief.triggers.filter((t) => t.status === 'fired').length
  const approaching = brief.triggers.filter((t) => t.status === 'approaching').length
  const highRisks = brief.risks.filter((r) => r.severity === 'high').length
  return (
    <BriefSection id="summary" title="Summary">
      {answers.product.summary ? <p className="lede">{answers.product.summary}</p> : null}
      <p className="summary-text">{brief.summary}</p>
      <dl className="key-figures">
        <div>
          <dt>Shape</dt>
          <dd>{SHAPE_LABELS[answers.product.shape]}</dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>
            {formatNumber(answers.team.engineers)} now, {formatNumber(answers.team.engineersIn12Months)} in 12 months
          </dd>
        </div>
        <div>
          <dt>Users in 12 months</dt>
          <dd>{formatNumber(answers.load.activeUsersIn12Months)} monthly active</dd>
        </div>
        <div>
          <dt>Cost in month 12</dt>
          <dd>{formatUsdRange(lean.monthly[11] ?? 0, scaled.monthly[11] ?? 0)} a month</dd>
        </div>
        <div>
          <dt>Triggers</dt>
          <dd>
            {brief.triggers.length} watched: {fired} fired, {approaching} approaching
          </dd>
        </div>
        <div>
          <dt>Risks</dt>
          <dd>
            {brief.risks.length} listed, {highRisks} high
          </dd>
        </div>
      </dl>
    </BriefSection>
  )
}
