import { ANSWER_LABELS } from '#app/vocabulary/answer-labels.ts'
import { QUESTIONS } from './questions.ts'
import { type DraftAnswers, type DraftProblem, isFieldActive, type SectionCheck } from './schemas.ts'
import { isOptionalSection, type Section, STEP_INFO, stepPath } from './steps.ts'

/**
 * The review step's content, worked out on the server: every answer in
 * words, and every problem with the question it is about and a link to it.
 * The page receives it as plain data.
 */

export interface ReviewRow {
  name: string
  label: string
  value: string
  href: string
}

export interface ProblemView {
  /** "Team: How many engineers build the product today?" */
  label: string
  message: string
  href: string
}

export type ReviewSection = { section: Section; href: string; optional: boolean } & (
  | { status: 'complete'; rows: ReviewRow[] }
  | { status: 'invalid'; problems: ProblemView[] }
  | { status: 'missing' }
)

export function reviewSections(draftId: string, checks: readonly SectionCheck[], draft: DraftAnswers): ReviewSection[] {
  // The similarity-search rate is asked on the load step but only read with vectors; left empty without them it is not an answer.
  const keepsVectors = [draft.data?.kinds ?? []].flat().includes('vectors')
  return checks.map((check) => {
    const href = stepPath(draftId, check.section)
    const optional = isOptionalSection(check.section)
    if (check.status === 'missing') return { section: check.section, status: 'missing', href, optional }
    if (check.status === 'invalid') {
      return {
        section: check.section,
        status: 'invalid',
        href,
        optional,
        problems: describeProblems(draftId, check.problems),
      }
    }
    const typed = draft[check.section] ?? {}
    const rows = QUESTIONS[check.section]
      .filter((q) => !q.formOnly && isFieldActive(check.section, q.name, check.value))
      .filter((q) => !(q.name === 'similarityQueriesPerSecond' && !keepsVectors && check.value[q.name] === undefined))
      .map((q) => {
        const words = ANSWER_LABELS[q.path].format(check.value[q.name])
        const filled = q.whenEmpty && !String(typed[q.name] ?? '').trim() ? ` (${q.whenEmpty})` : ''
        return {
          name: q.name,
          label: ANSWER_LABELS[q.path].label,
          value: `${words}${filled}`,
          href: `${href}#q-${q.name}`,
        }
      })
    return { section: check.section, status: 'complete', href, optional, rows }
  })
}

export function describeProblems(draftId: string, problems: readonly DraftProblem[]): ProblemView[] {
  return problems.map((p) => {
    const question = QUESTIONS[p.section].find((q) => q.name === p.field)
    return {
      label: question ? `${STEP_INFO[p.section].title}: ${question.label}` : STEP_INFO[p.section].title,
      message: p.message,
      href: `${stepPath(draftId, p.section)}${question ? `#q-${question.name}` : ''}`,
    }
  })
}
