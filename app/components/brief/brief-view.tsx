import type { Answers } from '~/engine/answers'
import type { Brief } from '~/engine/brief'
import { AnswersAppendix } from './answers-appendix'
import { ArchitectureDiagram } from './architecture-diagram'
import { CostBands } from './cost-bands'
import { DatabaseRationale } from './database-rationale'
import { DayOne } from './day-one'
import { DecisionDetails } from './decision-details'
import { DecisionTable } from './decision-table'
import { Deferred } from './deferred'
import { ExecutiveBrief } from './executive'
import { Handoff } from './handoff'
import { Invalidations, Operations } from './operations'
import { Risks } from './risks'
import { RulesAppendix } from './rules-appendix'
import { Triggers } from './triggers'

/** Every section of a brief in reading order; the ids are the anchors the contents list links to. */
export const BRIEF_SECTIONS = [
  { id: 'executive', title: 'Executive brief', Component: ExecutiveBrief },
  { id: 'architecture', title: 'Architecture at a glance', Component: ArchitectureDiagram },
  { id: 'decisions', title: 'Decisions', Component: DecisionTable },
  { id: 'reasons', title: 'Why each decision', Component: DecisionDetails },
  { id: 'database-rationale', title: 'Database rationale', Component: DatabaseRationale },
  { id: 'costs', title: '12-month cost bands', Component: CostBands },
  { id: 'operations', title: 'Operational assumptions', Component: Operations },
  { id: 'triggers', title: 'Migration triggers', Component: Triggers },
  { id: 'day-one', title: 'Day-one checklist', Component: DayOne },
  { id: 'deferred', title: 'Deferred', Component: Deferred },
  { id: 'risks', title: 'Risks', Component: Risks },
  { id: 'invalidations', title: 'What would make this plan wrong', Component: Invalidations },
  { id: 'handoff', title: 'Handoff', Component: Handoff },
  { id: 'answers', title: 'Appendix: the answers', Component: AnswersAppendix },
  { id: 'rules', title: 'Appendix: rules and the answers they read', Component: RulesAppendix },
] as const

export function BriefContents() {
  return (
    <nav aria-label="Sections of this brief" className="brief-toc">
      <h2 className="brief-toc__title">Contents</h2>
      <ol>
        {BRIEF_SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}

export function BriefView({ brief, answers }: { brief: Brief; answers: Answers }) {
  return (
    <div className="brief">
      {BRIEF_SECTIONS.map(({ id, Component }) => (
        <Component key={id} brief={brief} answers={answers} />
      ))}
    </div>
  )
}
