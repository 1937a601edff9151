import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { BriefSection } from './section.tsx'

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
