import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { ANSWER_PATH_ORDER, ANSWER_SECTIONS, describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { BriefSection } from './section.tsx'

export function AnswersAppendix({ brief, answers }: { brief: Brief; answers: Answers }) {
  return (
    <BriefSection
      id="answers"
      title="Appendix: the answers"
      intro="Everything the brief was generated from, defaults filled in."
    >
      <div className="answers-grid">
        {ANSWER_SECTIONS.map((section) => (
          <div key={section.id} className="answers-group">
            <h3>{section.title}</h3>
            <dl>
              {ANSWER_PATH_ORDER.filter((p) => p.startsWith(`${section.id}.`)).map((path) => {
                const { label, value } = describeAnswer(answers, path)
                return (
                  <div key={path}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                )
              })}
            </dl>
          </div>
        ))}
      </div>
      <p className="note">
        Engine {brief.engineVersion}, catalog {brief.catalogVersion}, answers schema version {answers.version}.
      </p>
    </BriefSection>
  )
}
