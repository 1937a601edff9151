import type { BriefDecision } from './brief.ts'

/* Kept apart from the override rules so the brief page can say it in the browser without the engine's schemas. */

/** "Decided by Ana: Auth0, against the recommendation of Clerk because the team already pays for it." */
export function overrideSentence(d: Pick<BriefDecision, 'choice' | 'override'>): string | undefined {
  const o = d.override
  if (!o) return undefined
  const reason = o.reason.replace(/[.!?]+$/, '')
  return o.recommended.id === d.choice.id
    ? `Decided by ${o.by}: ${d.choice.name}, as recommended, because ${reason}.`
    : `Decided by ${o.by}: ${d.choice.name}, against the recommendation of ${o.recommended.name} because ${reason}.`
}
