import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { BRIEF_SECTION_TITLES } from '#app/vocabulary/brief-sections.ts'
import { AnswersAppendix } from './answers-appendix.tsx'
import { ArchitectureDiagram } from './architecture-diagram.tsx'
import { CostBands } from './cost-bands.tsx'
import { DatabaseRationale } from './database-rationale.tsx'
import { DayOne } from './day-one.tsx'
import { DecisionDetails } from './decision-details.tsx'
import { DecisionTable } from './decision-table.tsx'
import { Deferred } from './deferred.tsx'
import { ExecutiveBrief } from './executive.tsx'
import { Handoff } from './handoff.tsx'
import { Invalidations, Operations } from './operations.tsx'
import { Risks } from './risks.tsx'
import { RulesAppendix } from './rules-appendix.tsx'
import { Triggers } from './triggers.tsx'

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
