import { Link } from '@remix-run/react'
import { TableScroll } from '#app/components/brief/section.tsx'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import type { SignalField, Signals } from '#app/engine/signals.ts'
import { formatMeasure } from '#app/vocabulary/answer-labels.ts'
import { formatDay } from './format-day.ts'
import { SIGNAL_FIELD_ORDER, SIGNAL_FIELD_VIEWS } from './signal-fields.ts'
import { UpdateAnswersButton } from './update-answers-button.tsx'

export interface CheckinTableRow {
  id: string
  measuredAt: string
  signals: Signals
  source: 'web' | 'api'
  createdAt: string
  fired: readonly string[]
}

/** Check-ins newest first: the day, every figure given with its unit, what it fired, and the button that turns it into answers. */
export function CheckinTable({
  briefId,
  rows,
  recorded,
}: {
  briefId: string
  rows: readonly CheckinTableRow[]
  recorded: string | null
}) {
  return (
    <TableScroll label="Check-ins, newest first">
      <table className="data-table checkin-table stack-table">
        <thead>
          <tr>
            <th scope="col">Measured on</th>
            <th scope="col">Figures</th>
            <th scope="col">Triggers fired</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} id={`checkin-${row.id}`} className={row.id === recorded ? 'is-new' : undefined}>
              <th scope="row">
                {formatDay(row.measuredAt)}
                <span className="cell-note">
                  {row.source === 'api' ? 'From a script' : 'From this page'}, {formatDateTime(row.createdAt)}
                </span>
              </th>
              <td data-label="Figures">
                <ul className="figure-list">
                  {SIGNAL_FIELD_ORDER.filter((f) => row.signals[f] !== undefined).map((f) => (
                    <li key={f}>
                      <span className="figure-list__label">{SIGNAL_FIELD_VIEWS[f].label}</span>{' '}
                      <span className="figure-list__value">{figure(f, row.signals[f] as number)}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label="Triggers fired">
                {row.fired.length === 0 ? (
                  <span className="cell-note-inline">None</span>
                ) : (
                  <ul className="figure-list figure-list--fired">
                    {row.fired.map((title) => (
                      <li key={title}>{title}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="checkin-table__action">
                <UpdateAnswersButton
                  briefId={briefId}
                  checkinId={row.id}
                  quiet
                  label="Update the answers"
                  suffix={`from the check-in of ${formatDay(row.measuredAt)}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

function figure(field: SignalField, value: number): string {
  return formatMeasure(value, SIGNAL_FIELD_VIEWS[field].unit)
}

export function CheckinPager({
  briefId,
  cursor,
  nextCursor,
}: {
  briefId: string
  cursor: string | null
  nextCursor: string | null
}) {
  if (!cursor && !nextCursor) return null
  const base = `/briefs/${encodeURIComponent(briefId)}/signals`
  return (
    <nav aria-label="More check-ins" className="pager">
      {cursor ? <Link to={`${base}#checkins`}>Newest check-ins</Link> : null}
      {nextCursor ? (
        <Link to={`${base}?cursor=${encodeURIComponent(nextCursor)}#checkins`} rel="next">
          Older check-ins <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  )
}
