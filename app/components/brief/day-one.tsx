import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { GuideLink } from './guide-link.tsx'
import { Reasons } from './reasons.tsx'
import { BriefSection } from './section.tsx'

const SHARED_GUIDE = 'day-one'

export function DayOne({ brief, answers }: { brief: Brief; answers: Answers }) {
  return (
    <BriefSection
      id="day-one"
      title="Day-one checklist"
      intro="Cheap to do in the first week, expensive to retrofit after launch."
    >
      {/* Most items follow the day-one guide, named once here; an item from another guide names its own. */}
      <p>
        <GuideLink slug={SHARED_GUIDE} />
      </p>
      {brief.dayOne.length === 0 ? (
        <p>Nothing extra for day one.</p>
      ) : (
        <ol className="checklist">
          {brief.dayOne.map((item) => (
            <li key={item.id} id={`day-one-${item.id}`}>
              <h3>{item.title}</h3>
              <ul className="checklist__actions">
                {item.actions.map((action) => (
                  <li key={action}>{action}</li>
                ))}
              </ul>
              <Reasons because={item.because} answers={answers} />
              {item.guide === SHARED_GUIDE ? null : <GuideLink slug={item.guide} />}
            </li>
          ))}
        </ol>
      )}
    </BriefSection>
  )
}
