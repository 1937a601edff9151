import { positiveFromEnv } from '#app/lib/env.ts'

/**
 * How much one brief may hold. Generous by default (see
 * docs/decisions/0009-limits-and-quotas.md): a team revising every working
 * day for forty years stays under the revision quota, and a check-in every
 * minute for almost two years stays under the check-in one. Both can be
 * changed per instance by environment variable.
 */

export const DEFAULT_MAX_REVISIONS_PER_BRIEF = 10_000
export const DEFAULT_MAX_CHECKINS_PER_BRIEF = 1_000_000

export type QuotaKind = 'revisions' | 'checkins'

/** A write refused because the brief already holds as many revisions (or check-ins) as an instance allows. */
export class QuotaExceededError extends Error {
  constructor(
    readonly kind: QuotaKind,
    readonly limit: number,
  ) {
    super(
      kind === 'revisions'
        ? `This brief already has ${limit.toLocaleString('en-US')} revisions, the most one brief may hold. Start a new brief from the latest answers to keep revising.`
        : `This brief already has ${limit.toLocaleString('en-US')} check-ins, the most one brief may hold. Start a new brief to keep checking in.`,
    )
    this.name = 'QuotaExceededError'
  }
}

export function maxRevisionsPerBrief(env: NodeJS.ProcessEnv = process.env): number {
  return positiveFromEnv(env.STACKBRIEF_MAX_REVISIONS_PER_BRIEF, DEFAULT_MAX_REVISIONS_PER_BRIEF)
}

export function maxCheckinsPerBrief(env: NodeJS.ProcessEnv = process.env): number {
  return positiveFromEnv(env.STACKBRIEF_MAX_CHECKINS_PER_BRIEF, DEFAULT_MAX_CHECKINS_PER_BRIEF)
}
