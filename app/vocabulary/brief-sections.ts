/**
 * The sections of a brief in reading order, by the anchors the page links to
 * and the titles every rendering gives them: the page's contents, the note
 * form, and the notes in the Markdown, PDF and decision-record downloads.
 */
export const BRIEF_SECTION_TITLES = {
  executive: 'Executive brief',
  summary: 'Summary',
  architecture: 'Architecture at a glance',
  decisions: 'Decisions',
  reasons: 'Why each decision',
  'database-rationale': 'Database rationale',
  costs: '12-month cost bands',
  operations: 'Operational assumptions',
  triggers: 'Migration triggers',
  'day-one': 'Day-one checklist',
  deferred: 'Deferred',
  risks: 'Risks',
  invalidations: 'What would make this plan wrong',
  handoff: 'Handoff',
  answers: 'Appendix: the answers',
  rules: 'Appendix: rules and the answers they read',
} as const

export type BriefSectionId = keyof typeof BRIEF_SECTION_TITLES
export const BRIEF_SECTION_IDS = Object.keys(BRIEF_SECTION_TITLES) as BriefSectionId[]

/** A section's title; an id from an older revision that no section has now reads as itself. */
export function briefSectionTitle(id: string): string {
  return Object.hasOwn(BRIEF_SECTION_TITLES, id) ? BRIEF_SECTION_TITLES[id as BriefSectionId] : id
}
