import type { AnswerPath, Answers } from '#app/engine/answers.ts'
import type { Because } from '#app/engine/brief.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'

/** The `because` of a decision or item, sentence by sentence; the rules appendix lists the rule and the answers each read. */
export function Reasons({ because }: { because: readonly Because[]; answers?: Answers }) {
  return (
    <ul className="reasons">
      {because.map((reason) => (
        <li key={`${reason.rule}:${reason.text}`}>{reason.text}</li>
      ))}
    </ul>
  )
}

/** The answers that matter to an entry, quoted in words (a risk card shows the few that tell most). */
export function AnswerChips({ paths, answers }: { paths: readonly AnswerPath[]; answers: Answers }) {
  if (paths.length === 0) return null
  return (
    <p className="reason__meta">
      <span className="reason__inputs">
        <span className="visually-hidden">Answers read: </span>
        {paths.map((path) => {
          const { label, value } = describeAnswer(answers, path)
          return (
            <span key={path} className="answer-chip" title={`${path}: ${value}`}>
              {label}: <strong>{shorten(value)}</strong>
            </span>
          )
        })}
      </span>
    </p>
  )
}

/** A chip quotes an answer; a long free-text one is cut, and the appendix has it in full. */
const CHIP_MAX = 60

function shorten(value: string): string {
  return value.length > CHIP_MAX ? `${value.slice(0, CHIP_MAX - 1).trimEnd()}…` : value
}
