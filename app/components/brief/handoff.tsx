import type { Answers } from '~/engine/answers'
import type { Brief } from '~/engine/brief'
import { BriefSection } from './section'

export function Handoff({ brief }: { brief: Brief; answers: Answers }) {
  return (
    <BriefSection id="handoff" title="Handoff" intro="The order to build in, for whoever picks this up.">
      <ol className="steps">
        {brief.handoff.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </BriefSection>
  )
}
