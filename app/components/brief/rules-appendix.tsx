import type { Answers } from '#app/engine/answers.ts'
import type { Because, Brief } from '#app/engine/brief.ts'
import { describeAnswer } from '#app/vocabulary/answer-labels.ts'
import { BriefSection } from './section.tsx'

/** Which rule decided each entry and which answers it read: looked up, not read, so it starts folded. */
export function RulesAppendix({ brief, answers }: { brief: Brief; answers: Answers }) {
  const entries: { key: string; where: string; because: readonly Because[] }[] = [
    ...brief.decisions.map((d) => ({ key: `decision-${d.area}`, where: d.title, because: d.because })),
    { key: 'database-rationale', where: 'Database rationale', because: brief.databaseRationale.because },
    ...brief.dayOne.map((i) => ({ key: `day-one-${i.id}`, where: i.title, because: i.because })),
    ...brief.deferred.map((d) => ({ key: `deferred-${d.id}`, where: `Deferred: ${d.what}`, because: d.because })),
    // A risk is named, not quoted: its text stands in Risks.
    ...brief.risks.map((r) => ({ key: `risk-${r.id}`, where: `Risk: ${r.id.replace(/_/g, ' ')}`, because: r.because })),
    ...(brief.operations
      ? [{ key: 'operations', where: 'Operational assumptions', because: brief.operations.because }]
      : []),
  ]
  return (
    <BriefSection id="rules" title="Appendix: rules and the answers they read">
      <details className="rules-appendix">
        <summary>Show the rule behind each entry ({entries.length} entries)</summary>
        <dl>
          {entries.map((e) => (
            <div key={e.key}>
              <dt>{e.where}</dt>
              {e.because.map((b) => (
                <dd key={`${b.rule}:${b.text}`}>
                  <code>{b.rule}</code>
                  {/* The values stand once, in the answers appendix above. */}
                  {b.inputs.length > 0 ? `: ${b.inputs.map((p) => describeAnswer(answers, p).label).join('; ')}` : null}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      </details>
    </BriefSection>
  )
}
