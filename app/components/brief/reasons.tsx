import type { Answers } from '~/engine/answers'
import type { Because } from '~/engine/brief'
import { describeAnswer } from './answer-labels'

/** The `because` of a decision, risk or item: each sentence with the answers it read, in words; the rule ids are in the appendix. */
export function Reasons({ because, answers }: { because: readonly Because[]; answers: Answers }) {
  return (
    <ul className="reasons">
      {because.map((reason) => (
        <li key={`${reason.rule}:${reason.text}`}>
          <p className="reason__text">{reason.text}</p>
          {reason.inputs.length > 0 ? (
            <p className="reason__meta">
              {reason.inputs.length > 0 ? (
                <span className="reason__inputs">
                  <span className="visually-hidden">Answers read: </span>
                  {reason.inputs.map((path) => {
                    const { label, value } = describeAnswer(answers, path)
                    return (
                      <span key={path} className="answer-chip" title={`${path}: ${value}`}>
                        {label}: <strong>{shorten(value)}</strong>
                      </span>
                    )
                  })}
                </span>
              ) : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** A chip quotes an answer; a long free-text one is cut, and the appendix has it in full. */
const CHIP_MAX = 60

function shorten(value: string): string {
  return value.length > CHIP_MAX ? `${value.slice(0, CHIP_MAX - 1).trimEnd()}…` : value
}
