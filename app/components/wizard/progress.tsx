import { Link } from '@remix-run/react'
import { isOptionalSection, STEP_INFO, STEPS, type Step, stepPath } from '#app/questionnaire/steps.ts'

/**
 * Where the founder is: every step as a link, the current one marked with
 * aria-current="step", finished ones with a tick and the word "completed"
 * (read out, and shown as a tick), so nothing rests on colour alone.
 */
export function Progress({
  draftId,
  current,
  completed,
}: {
  draftId: string
  current: Step
  completed: readonly Step[]
}) {
  const done = new Set(completed)
  return (
    <nav aria-label="Questionnaire steps" className="progress">
      <ol className="progress__list">
        {STEPS.map((step, i) => {
          const isCurrent = step === current
          const isDone = done.has(step)
          const state = isCurrent ? 'is-current' : isDone ? 'is-done' : 'is-todo'
          return (
            <li key={step} className={`progress__step ${state}`} aria-current={isCurrent ? 'step' : undefined}>
              <Link to={stepPath(draftId, step)} className="progress__link">
                <span className="progress__marker" aria-hidden="true">
                  {isDone && !isCurrent ? '✓' : i + 1}
                </span>
                <span className="progress__title">{STEP_INFO[step].short ?? STEP_INFO[step].title}</span>
                {isDone ? <span className="progress__state"> (completed)</span> : null}
                {isCurrent ? <span className="visually-hidden"> (current step)</span> : null}
              </Link>
            </li>
          )
        })}
      </ol>
      <p className="progress__count">
        {isOptionalSection(current)
          ? `Optional: ${STEP_INFO[current].title.toLowerCase()}`
          : `Step ${STEPS.indexOf(current) + 1} of ${STEPS.length}`}
      </p>
    </nav>
  )
}
