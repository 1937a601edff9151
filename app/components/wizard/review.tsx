import { Link } from '@remix-run/react'
import type { ReviewSection } from '#app/questionnaire/review-data.ts'
import { STEP_INFO } from '#app/questionnaire/steps.ts'

/** Every answer of the draft in words, section by section, each with a link to change it. */
export function ReviewList({ sections }: { sections: readonly ReviewSection[] }) {
  return (
    <div className="review">
      {sections.map((entry) => {
        const title = STEP_INFO[entry.section].title
        return (
          <section
            key={entry.section}
            className={`review-section review-section--${entry.status}${entry.optional ? ' review-section--optional' : ''}`}
            aria-labelledby={`review-${entry.section}`}
          >
            <header className="review-section__header">
              <h2 id={`review-${entry.section}`}>{title}</h2>
              <p className="review-section__status">
                {entry.status === 'complete'
                  ? 'Complete'
                  : entry.status === 'invalid'
                    ? 'Needs a change'
                    : entry.optional
                      ? 'Optional, not given'
                      : 'Not answered yet'}
              </p>
              <Link to={entry.href} className="review-section__edit">
                Edit<span className="visually-hidden"> {title.toLowerCase()} answers</span>
              </Link>
            </header>
            {entry.status === 'complete' ? (
              <dl className="review-list">
                {entry.rows.map((row) => (
                  <div key={row.name} className="review-list__row">
                    <dt>{row.label}</dt>
                    <dd>{row.value}</dd>
                    <dd className="review-list__change">
                      <Link to={row.href}>
                        Change<span className="visually-hidden"> {row.label.toLowerCase()}</span>
                      </Link>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : entry.status === 'invalid' ? (
              <ul className="review-problems">
                {entry.problems.map((p) => (
                  <li key={`${p.href}-${p.message}`}>
                    <Link to={p.href}>{p.label}</Link>: {p.message}
                  </li>
                ))}
              </ul>
            ) : entry.optional ? (
              <p className="review-missing">
                {STEP_INFO[entry.section].intro} <Link to={entry.href}>{STEP_INFO[entry.section].addLabel}</Link>.
              </p>
            ) : (
              <p className="review-missing">
                <Link to={entry.href}>Answer the {title.toLowerCase()} questions</Link> to include them.
              </p>
            )}
          </section>
        )
      })}
    </div>
  )
}
