import { formatDay } from './format-day.ts'

export interface CheckinUpdateNotesProps {
  measuredAt: string
  changes: readonly { label: string; before: string; after: string }[]
  notes: readonly string[]
}

/** On the review step of a draft made from a check-in: which answers the figures changed, and what was left alone. */
export function CheckinUpdateNotes({ update }: { update: CheckinUpdateNotesProps }) {
  return (
    <section className="checkin-update" aria-labelledby="checkin-update-title">
      <h2 id="checkin-update-title">Updated from the check-in of {formatDay(update.measuredAt)}</h2>
      {update.changes.length === 0 ? (
        <p>The figures match the answers already: no answer changed. Generating still adds a revision.</p>
      ) : (
        <ul className="checkin-update__changes">
          {update.changes.map((c) => (
            <li key={c.label}>
              <strong>{c.label}</strong>: {c.before} <span aria-hidden="true">→</span>
              <span className="visually-hidden">becomes</span> {c.after}
            </li>
          ))}
        </ul>
      )}
      {update.notes.length > 0 ? (
        <>
          <h3>Notes</h3>
          <ul className="checkin-update__notes">
            {update.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="note">
        Check the answers below, change any that the figures do not capture, then generate. You will see what moved
        between the two revisions.
      </p>
    </section>
  )
}
