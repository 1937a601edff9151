import type { AdrFile } from '#app/export/adr.ts'
import { code, md } from '#app/export/escape.ts'
import { NOTES_HEADING, type NoteInput, quotedMarkdown, renderedNotes } from '#app/export/notes.ts'

/**
 * The consultant's notes beside the decision records: one file in the records
 * folder, since a note is about a section of the brief rather than one
 * decision, and it can be removed later while a record stays as written.
 * Not a record itself (parse.ts leaves it out), so a later export never
 * numbers, supersedes or deprecates it.
 */

export const NOTES_FILE = 'notes.md'

export function adrNotesFile(
  notes: readonly NoteInput[],
  options: { briefId: string; revision: number },
): AdrFile | null {
  if (notes.length === 0) return null
  const blocks = [
    `# ${NOTES_HEADING}`,
    `The notes on revision ${options.revision} of brief ${code(options.briefId)}, each on the section of the brief it is about.`,
    ...renderedNotes(notes).map((n) => `## ${md(n.label)}\n\n${quotedMarkdown(n)}`),
  ]
  return { path: NOTES_FILE, content: `${blocks.join('\n\n')}\n` }
}
