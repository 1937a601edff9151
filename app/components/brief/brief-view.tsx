import type { Answers } from '~/engine/answers'
import type { Brief } from '~/engine/brief'
import { BRIEF_SECTION_TITLES } from '~/vocabulary/brief-sections'
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
  { id: 'executive', title: BRIEF_SECTION_TITLES.executive, Component: ExecutiveBrief },
  { id: 'architecture', title: BRIEF_SECTION_TITLES.architecture, Component: ArchitectureDiagram },
  { id: 'decisions', title: BRIEF_SECTION_TITLES.decisions, Component: DecisionTable },
  { id: 'reasons', title: BRIEF_SECTION_TITLES.reasons, Component: DecisionDetails },
  { id: 'database-rationale', title: BRIEF_SECTION_TITLES['database-rationale'], Component: DatabaseRationale },
  { id: 'costs', title: BRIEF_SECTION_TITLES.costs, Component: CostBands },
  { id: 'operations', title: BRIEF_SECTION_TITLES.operations, Component: Operations },
  { id: 'triggers', title: BRIEF_SECTION_TITLES.triggers, Component: Triggers },
  { id: 'day-one', title: BRIEF_SECTION_TITLES['day-one'], Component: DayOne },
  { id: 'deferred', title: BRIEF_SECTION_TITLES.deferred, Component: Deferred },
  { id: 'risks', title: BRIEF_SECTION_TITLES.risks, Component: Risks },
  { id: 'invalidations', title: BRIEF_SECTION_TITLES.invalidations, Component: Invalidations },
  { id: 'handoff', title: BRIEF_SECTION_TITLES.handoff, Component: Handoff },
  { id: 'answers', title: BRIEF_SECTION_TITLES.answers, Component: AnswersAppendix },
  { id: 'rules', title: BRIEF_SECTION_TITLES.rules, Component: RulesAppendix },
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
