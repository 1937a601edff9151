import type { AnswerPath, Answers, Override } from './answers.ts'

/*
 * Reading answers back, with no schema in reach: the brief page's labels use
 * these in the browser, where the zod schemas must not be sent (zod tests for
 * eval on load, which the Content-Security-Policy refuses).
 */

/** Reads the value at an answer path, for explanations and appendices. */
export function readAnswer(answers: Answers, path: AnswerPath): unknown {
  if (path === 'overrides') return overridesInWords(answers.overrides)
  const [section, field] = path.split('.') as [keyof Answers, string]
  const group = answers[section]
  return typeof group === 'object' && group !== null ? (group as Record<string, unknown>)[field] : undefined
}

/** Overrides as one line each, so comparing two revisions shows an override that came, went or changed. */
export function overridesInWords(overrides: readonly Override[] | undefined): string[] {
  return (overrides ?? []).map((o) => `${o.area}: ${o.choice}, decided by ${o.by} because ${o.reason}`)
}
