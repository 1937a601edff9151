import type { z } from 'zod'

/** What a command may touch: output streams, the working folder, the environment and standard input. */
export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  readStdin(): Promise<Uint8Array>
}

/** A positional argument; `key` is its field in the options object. */
export interface ArgSpec {
  name: string
  key: string
  summary: string
  /** What a missing argument is reported as expecting. */
  expected: string
  optional?: boolean
}

/** A `--name` flag; with `value` it takes one (`--format md` or `--format=md`), without it is a switch. */
export interface FlagSpec {
  name: string
  value?: string
  summary: string
}

/**
 * One row of the command table. Arguments and flags are collected into one
 * object and validated by the zod schema `options` returns, so a bad value is
 * reported like any other problem: `--format: expected one of json, md, got "pdf"`.
 * zod is handed in rather than imported so that `--help` never loads it, and
 * `run` imports what it needs when it runs: startup stays short.
 */
export interface Command<S extends z.ZodType = z.ZodType> {
  name: string
  summary: string
  description: string
  args: readonly ArgSpec[]
  flags: readonly FlagSpec[]
  options(zod: typeof z): S
  examples: readonly string[]
  /** Replaces the standard exit-status paragraph of help, for a command with statuses of its own. */
  exitStatus?: string
  /** Resolves to an exit status of its own (check exits 3 when a trigger fired), or nothing for 0. */
  // biome-ignore lint/suspicious/noConfusingVoidType: commands without a status of their own simply return nothing.
  run(options: z.output<S>, io: CliIO): Promise<void | number>
}

export function defineCommand<S extends z.ZodType>(command: Command<S>): Command<S> {
  return command
}

/** The answers file that generate and validate read. */
export const ANSWERS_FILE_ARG: ArgSpec = {
  name: 'FILE',
  key: 'file',
  summary: 'answers in JSON or YAML (.json, .yaml, .yml; other names are read by content); - reads standard input',
  expected: 'a path to an answers file (JSON or YAML), or - for standard input',
}

/** `--base-url`: the address the app is served at, so guide links in written files work outside it. */
export const BASE_URL_FLAG = {
  name: 'base-url',
  value: 'URL',
  summary:
    'where the app is served (https://…): guide links in the files start with it; without it guides are named, not linked',
} as const

export function baseUrlOption(z: typeof import('zod').z) {
  return z
    .url({ protocol: /^https?$/, error: 'an http or https address such as https://briefs.example.com' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional()
}
