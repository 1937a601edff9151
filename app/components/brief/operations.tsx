import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { formatNumber } from '#app/vocabulary/format.ts'
import { BriefSection } from './section.tsx'

export function Operations({ brief }: { brief: Brief; answers: Answers }) {
  const o = brief.operations
  if (!o) return null
  const figures = `${o.uptimeTarget}% uptime, service back within ${formatNumber(o.restoreWithinHours)} hours of losing the database, at most ${formatNumber(o.maxDataLossMinutes)} minutes of writes lost`
  return (
    <BriefSection
      id="operations"
      title="Operational assumptions"
      intro={
        o.stated
          ? `Targets from the answers: ${figures}.`
          : `No targets were given; the plan assumes the defaults: ${figures}.`
      }
    >
      <dl className="operations">
        <div>
          <dt>Uptime</dt>
          <dd>{o.uptime}</dd>
        </div>
        <div>
          <dt>Backups and restore drill</dt>
          <dd>{o.backups}</dd>
        </div>
        <div>
          <dt>On call</dt>
          <dd>{o.onCall}</dd>
        </div>
      </dl>
    </BriefSection>
  )
}

export function Invalidations({ brief }: { brief: Brief; answers: Answers }) {
  if (!brief.executive) return null
  const found = brief.risks.filter((r) => r.kind === 'invalidation')
  return (
    <BriefSection id="invalidations" title="What would make this plan wrong">
      {found.length === 0 ? (
        <p>No single figure in the answers holds the plan up.</p>
      ) : (
        <ul className="card-list">
          {found.map((r) => (
            <li key={r.id} className="card">
              <p>{r.text}</p>
              <p>
                <strong>What to do:</strong> {r.mitigation}
              </p>
            </li>
          ))}
        </ul>
      )}
    </BriefSection>
  )
}
