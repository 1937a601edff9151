import type { Problem } from '#app/lib/problems.ts'

/** A value a caller passed that the service cannot use (a bad cursor, a limit out of range). */
export class InvalidInputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
    this.name = 'InvalidInputError'
  }
}

/** What every page says when a workspace has no brief with an id (services answer null; the page says this). */
export function noBriefMessage(briefId: string): string {
  return `There is no brief with the id “${briefId}” in this workspace.`
}

/**
 * A stored revision that does not read back as what was written: its answers
 * or its brief no longer match their schema, or are not JSON at all. Names the
 * brief, the revision and the first thing wrong, for the log; a page that
 * meets one answers 500 instead of showing a guess.
 */
export class CorruptRevisionError extends Error {
  constructor(
    readonly briefId: string,
    readonly revision: number,
    readonly part: 'answers' | 'brief',
    readonly detail: string,
  ) {
    super(`Revision ${revision} of brief ${briefId} is corrupt: its stored ${part}, ${detail}`)
    this.name = 'CorruptRevisionError'
  }
}
