import { briefSectionTitle } from '#app/vocabulary/brief-sections.ts'
import { md } from './escape.ts'

/**
 * A consultant's notes as every download prints them: under the heading
 * "Notes", each labelled with the title of the section it is about, its text
 * as typed, line by line. The page, Markdown, PDF and decision records read
 * this one shape, so a note says the same thing wherever it is read.
 */

export interface NoteInput {
  section: string
  body: string
}

export interface RenderedNote {
  /** "On 12-month cost bands". */
  label: string
  /** The note's lines as typed, line endings made one. */
  lines: string[]
}

export const NOTES_HEADING = 'Notes'

export function renderedNotes(notes: readonly NoteInput[]): RenderedNote[] {
  return notes.map((n) => ({
    label: `On ${briefSectionTitle(n.section)}`,
    lines: n.body.replace(/\r\n?/g, '\n').split('\n'),
  }))
}

/** A note's lines as a Markdown quote, each escaped so no HTML or Markdown in a note takes effect. */
export function quotedMarkdown(note: RenderedNote): string {
  return note.lines.map((line) => `> ${md(line)}`).join('\n')
}
