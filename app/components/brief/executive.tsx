import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { SEVERITY_LABELS } from '#app/vocabulary/answer-labels.ts'
import { formatUsd } from '#app/vocabulary/format.ts'
import { BriefSection, TableScroll } from './section.tsx'
import { BriefSummary } from './summary.tsx'

const BAND_LABELS = { lean: 'Lean', moderate: 'Moderate', scaled: 'Scaled' } as const

/** The first page of the brief; a brief stored before it existed shows its summary instead. */
export function ExecutiveBrief({ brief, answers }: { brief: Brief; answers: Answers }) {
  const e = brief.executive
  if (!e) return <BriefSummary brief={brief} answers={answers} />
  return (
    <BriefSection id="executive" title="Executive brief">
      {answers.product.summary ? <p className="lede">{answers.product.summary}</p> : null}
      <p className="summary-text">{e.product}</p>
      <TableScroll label="The stack and why, for this case">
        <table className="executive-stack">
          <caption className="visually-hidden">The stack, one reason each</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Choice</th>
              <th scope="col">Why, for this case</th>
            </tr>
          </thead>
          <tbody>
            {e.stack.map((s) => (
              <tr key={s.area}>
                <th scope="row">{s.title}</th>
                <td>
                  {s.choice}
                  {s.status === 'trial' ? ' (trial)' : ''}
                  {s.decidedBy ? <span className="decided-by">Decided by {s.decidedBy}</span> : null}
                </td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {e.settled && e.settled.length > 0 ? (
        <p className="executive-settled">
          Also settled, as for most first products: {e.settled.map((s) => s.choice).join('; ')}.
        </p>
      ) : null}
      <h3>Month-12 cost, against a budget of {formatUsd(e.budgetMonthly)} a month</h3>
      <dl className="executive-bands">
        {e.costs.map((c) => (
          <div key={c.band}>
            <dt>
              {BAND_LABELS[c.band]}: {formatUsd(c.month12)} a month
            </dt>
            <dd>{c.buys}</dd>
          </div>
        ))}
      </dl>
      <h3>Top risks</h3>
      {e.risks.length === 0 ? (
        <p>No risks stand out.</p>
      ) : (
        <ol>
          {e.risks.map((r) => (
            <li key={r.id}>
              <strong>{SEVERITY_LABELS[r.severity]}:</strong> {r.text}
            </li>
          ))}
        </ol>
      )}
      <h3>Nearest triggers</h3>
      {e.triggers.length === 0 ? (
        <p>No migration trigger is near at the 12-month figures.</p>
      ) : (
        <ul>
          {e.triggers.map((t) => (
            <li key={t.id}>
              <a href={`#trigger-${t.id}`}>{t.title}</a>:{' '}
              {t.firesInMonth === null ? t.status : `fires in month ${t.firesInMonth}`}
            </li>
          ))}
        </ul>
      )}
      <h3>First steps</h3>
      <ol>
        {e.firstSteps.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ol>
    </BriefSection>
  )
}
