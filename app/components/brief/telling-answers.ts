import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Because } from '#app/engine/brief.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'

/** A risk card quotes this many answers at most; the appendix has every one. */
export const TELLING_ANSWERS_MAX = 3

/** How many reasons in the whole brief read each answer: an answer read everywhere says little about one risk. */
export function answerReadCounts(becauses: readonly (readonly Because[])[]): Map<AnswerPath, number> {
  const counts = new Map<AnswerPath, number>()
  for (const because of becauses) {
    for (const path of new Set(because.flatMap((b) => b.inputs))) counts.set(path, (counts.get(path) ?? 0) + 1)
  }
  return counts
}

/**
 * The few answers that say most about one risk, in the order the risk read them.
 * An answer scores when the risk's words quote its value ("GDPR", "EU") or name
 * it ("residency", "launch"); ties go to the answer fewer reasons in the brief
 * read, then to the one read first. Same risk, same answers: no randomness.
 */
export function tellingAnswers(
  risk: { id: string; text: string; because: readonly Because[] },
  answers: Answers,
  readCounts: ReadonlyMap<AnswerPath, number>,
  max = TELLING_ANSWERS_MAX,
): AnswerPath[] {
  const inputs = [...new Set(risk.because.flatMap((b) => b.inputs))]
  if (inputs.length <= max) return inputs
  const words = wordsOf(`${risk.id.replace(/_/g, ' ')} ${risk.text} ${risk.because.map((b) => b.text).join(' ')}`)
  const scored = inputs.map((path, order) => ({
    path,
    order,
    score: valueQuoted(answers, path, words) * 3 + nameScore(path, words),
    reads: readCounts.get(path) ?? 0,
  }))
  scored.sort((a, b) => b.score - a.score || a.reads - b.reads || a.order - b.order)
  const chosen = new Set(scored.slice(0, max).map((s) => s.path))
  return inputs.filter((p) => chosen.has(p))
}

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
}

/** 1 when every word of the answer's value (in words, as the page shows it) appears in the risk. */
function valueQuoted(answers: Answers, path: AnswerPath, words: Set<string>): number {
  if (FREE_TEXT.has(path)) return 0
  const { value } = describeAnswer(answers, path)
  const valueWords = [...wordsOf(value)].filter((w) => w.length >= 2 && !UNTELLING.has(w))
  return valueWords.length > 0 && valueWords.some((w) => words.has(w)) ? 1 : 0
}

/** The words of the field's name ("dataResidency" → data, residency) that the risk uses, longer words only. */
function nameScore(path: AnswerPath, words: Set<string>): number {
  const field = path.split('.')[1] ?? ''
  const parts = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .filter((w) => w.length >= 4 && !UNTELLING.has(w))
  return parts.filter((w) => words.has(w) || [...words].some((x) => x.length >= 5 && x.startsWith(w.slice(0, 5))))
    .length
}

/** Values and name parts that appear in too many sentences to tell anything. */
const UNTELLING = new Set(['yes', 'no', 'none', 'not', 'given', 'the', 'and', 'in', 'of', 'to', 'at', 'months', 'some'])

/** Free text shares common words with any sentence; it is no sign of what a risk is about. */
const FREE_TEXT = new Set<AnswerPath>(['product.name', 'product.summary'])
