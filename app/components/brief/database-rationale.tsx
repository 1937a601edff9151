import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { GuideLink } from './guide-link.tsx'
import { Reasons } from './reasons.tsx'
import { BriefSection, TableScroll } from './section.tsx'

export function DatabaseRationale({ brief, answers }: { brief: Brief; answers: Answers }) {
  const { criteria, options, chosen, because } = brief.databaseRationale
  return (
    <BriefSection
      id="database-rationale"
      title="Database rationale"
      intro="Each option scored from 1 (poor) to 5 (strong) on five criteria; the chosen one is argued criterion by criterion, the others in their verdicts."
    >
      <TableScroll label="Database options scored against each criterion">
        <table className="data-table rationale-table">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {options.map((option) => (
                <th key={option.id} scope="col" className={option.id === chosen ? 'is-chosen' : undefined}>
                  {option.name}
                  {option.id === chosen ? <span className="chosen-tag">Chosen</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row">{criterion.name}</th>
                {options.map((option) => {
                  const score = option.scores.find((s) => s.criterion === criterion.id)
                  return (
                    <td key={option.id} className={option.id === chosen ? 'is-chosen' : undefined}>
                      {score ? (
                        <>
                          <Score value={score.score} />
                          {/* Only the choice is argued line by line; the others' verdicts stand below. */}
                          {option.id === chosen ? <span className="score-text">{score.text}</span> : null}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {options.map((option) => (
                <td key={option.id} className={option.id === chosen ? 'is-chosen' : undefined}>
                  <strong>
                    {option.total} / {criteria.length * 5}
                  </strong>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Verdict</th>
              {options.map((option) => (
                <td key={option.id} className={option.id === chosen ? 'is-chosen' : undefined}>
                  {option.verdict}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p>
        <GuideLink slug="databases" />
      </p>
      {because.length > 0 ? <Reasons because={because} answers={answers} /> : null}
    </BriefSection>
  )
}

function Score({ value }: { value: number }) {
  return (
    <span className="score" role="img" aria-label={`${value} out of 5`}>
      <span className="score__value" aria-hidden="true">
        {value}/5
      </span>
      <span className={`score__bar score__bar--${value}`} aria-hidden="true" />
    </span>
  )
}
