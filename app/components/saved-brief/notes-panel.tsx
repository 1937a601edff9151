import { Form } from '@remix-run/react'
import { BRIEF_SECTIONS } from '#app/components/brief/brief-view.tsx'
import { briefSectionTitle } from '#app/vocabulary/brief-sections.ts'

export const NOTE_ADD_INTENT = 'note-add'
export const NOTE_REMOVE_INTENT = 'note-remove'

export interface NoteView {
  id: string
  section: string
  body: string
  fromRevision: number
}

/** What a refused note form sends back: the text as typed, and a message per field. */
export interface NoteFormState {
  values: { section: string; body: string }
  errors: Partial<Record<'section' | 'body', string>>
}

/**
 * The consultant's notes on this revision, by section, each carried to the
 * next revision until removed; and the form to add one. Notes are shown as
 * the text typed (Markdown stays as written, HTML is never rendered).
 */
export function NotesPanel({
  notes,
  refused,
  readOnly = false,
}: {
  notes: readonly NoteView[]
  refused?: NoteFormState | null
  /** For an identity that may not revise: the notes, without the forms. */
  readOnly?: boolean
}) {
  const values = refused?.values ?? { section: 'executive', body: '' }
  const errors = refused?.errors ?? {}
  return (
    <section className="notes-panel" id="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      {notes.length === 0 ? <p>No notes on this revision.</p> : null}
      <ul className="notes">
        {notes.map((n) => (
          <li key={n.id} className="note">
            <p className="note__section">
              <a href={`#${n.section}`}>{briefSectionTitle(n.section)}</a>
            </p>
            <p className="note__body" style={{ whiteSpace: 'pre-wrap' }}>
              {n.body}
            </p>
            {readOnly ? null : (
              <Form method="post" className="inline-form" preventScrollReset>
                <input type="hidden" name="intent" value={NOTE_REMOVE_INTENT} />
                <input type="hidden" name="noteId" value={n.id} />
                <button type="submit" className="button button--quiet">
                  Remove from this revision on
                  <span className="visually-hidden">: note on {briefSectionTitle(n.section)}</span>
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <details open={Boolean(refused)}>
          <summary>Add a note</summary>
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value={NOTE_ADD_INTENT} />
            <p className="field">
              <label htmlFor="note-section">Section</label>
              <select
                id="note-section"
                name="section"
                className="input"
                defaultValue={values.section}
                aria-invalid={errors.section ? true : undefined}
                aria-describedby={errors.section ? 'note-section-error' : undefined}
              >
                {BRIEF_SECTIONS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
              {errors.section ? (
                <span className="field-error" id="note-section-error">
                  {errors.section}
                </span>
              ) : null}
            </p>
            <p className="field">
              <label htmlFor="note-body">Note (plain text or Markdown)</label>
              <textarea
                id="note-body"
                name="body"
                className="input"
                rows={4}
                maxLength={4000}
                defaultValue={values.body}
                aria-invalid={errors.body ? true : undefined}
                aria-describedby={errors.body ? 'note-body-error' : undefined}
              />
              {errors.body ? (
                <span className="field-error" id="note-body-error">
                  {errors.body}
                </span>
              ) : null}
            </p>
            <p>
              <button type="submit" className="button">
                Add the note
              </button>
            </p>
          </Form>
        </details>
      )}
    </section>
  )
}
