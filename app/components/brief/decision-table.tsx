import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { BriefSection, TableScroll } from './section.tsx'
import { DecisionBadge } from './status-badge.tsx'

export function DecisionTable({ brief }: { brief: Brief; answers: Answers }) {
  // The executive brief's stack table holds the adopted choices; this table lists the other areas, once each.
  const inStack = new Set(brief.executive?.stack.map((s) => s.area) ?? [])
  const rows = brief.decisions.filter((d) => !inStack.has(d.area))
  return (
    <BriefSection
      id="decisions"
      title="Decisions"
      intro={
        brief.executive
          ? 'The areas outside the stack above. Each links to its reasons, the alternatives weighed and the triggers that reopen it.'
          : 'One row per area of the stack. Each links to its reasons, the alternatives weighed and the triggers that reopen it.'
      }
    >
      {rows.length === 0 ? (
        <p>Every area is in the stack above.</p>
      ) : (
        <TableScroll label="Decisions, one row per area">
          <table className="data-table decision-table">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Choice</th>
                <th scope="col">Status</th>
                <th scope="col">Reopened by</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.area} className={d.choice.id === 'none' ? 'is-muted' : undefined}>
                  <th scope="row">
                    <a href={`#decision-${d.area}`}>{d.title}</a>
                  </th>
                  <td>{d.choice.name}</td>
                  <td>
                    {d.choice.id === 'none' ? (
                      <span className="not-applicable">Not applicable</span>
                    ) : (
                      <DecisionBadge status={d.status} />
                    )}
                  </td>
                  <td className="reopened" data-empty={d.revisitWhen.length === 0 || undefined}>
                    {d.revisitWhen.length === 0 ? '—' : `${d.revisitWhen.length} trigger${plural(d.revisitWhen)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </BriefSection>
  )
}

function plural(list: readonly unknown[]) {
  return list.length === 1 ? '' : 's'
}
