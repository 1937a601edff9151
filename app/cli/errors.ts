import type { Problem } from '#app/lib/problems.ts'

/** Bad input a person can fix: every problem is listed, and the CLI exits with 2. */
export class InputError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    /** A line after the problems pointing at the help that explains the fix. */
    readonly hint?: string,
  ) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
    this.name = 'InputError'
  }
}

export const EXIT = { ok: 0, internal: 1, input: 2 } as const
