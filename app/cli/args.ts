import { describeValue, type Problem, problem, problemsFromIssues } from '#app/lib/problems.ts'
import type { Command, FlagSpec } from './command.ts'
import { InputError } from './errors.ts'

const HELP_FLAGS = ['--help', '-h']

export type ParsedArgs<T> = { help: true } | { help: false; options: T }

/**
 * Reads a command's argv into its options: positionals by order, flags by
 * name, then the command's zod schema over the lot. Every problem found is
 * reported at once, not just the first.
 */
export async function parseCommandArgs<T>(command: Command, argv: readonly string[]): Promise<ParsedArgs<T>> {
  const problems: Problem[] = []
  const values: Record<string, unknown> = {}
  const positionals: string[] = []
  const flags = new Map(command.flags.map((f) => [`--${f.name}`, f]))

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]
    if (token === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (HELP_FLAGS.includes(token)) return { help: true }
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token)
      continue
    }
    const eq = token.indexOf('=')
    const name = token.startsWith('--') && eq > 0 ? token.slice(0, eq) : token
    const flag = flags.get(name)
    if (!flag) {
      problems.push(problem(name, oneOfFlags(command.flags), 'an unknown flag'))
      continue
    }
    const key = camel(flag.name)
    if (!flag.value) {
      if (eq > 0) problems.push(problem(name, 'no value (it is a switch)', describeValue(token.slice(eq + 1))))
      else values[key] = true
      continue
    }
    if (eq > 0) {
      values[key] = token.slice(eq + 1)
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      values[key] = argv[++i]
    } else {
      problems.push(problem(name, `a value (${flag.value})`, 'nothing'))
    }
  }

  command.args.forEach((arg, n) => {
    if (n < positionals.length) values[arg.key] = positionals[n]
    else if (!arg.optional) problems.push(problem(arg.name, arg.expected, 'nothing'))
  })
  // After an unknown flag, a stray word is most likely its value: one problem is enough.
  const unknownFlag = problems.some((p) => p.got === 'an unknown flag')
  for (const extra of unknownFlag ? [] : positionals.slice(command.args.length)) {
    problems.push(problem('argument', `at most ${command.args.length} (${argList(command)})`, describeValue(extra)))
  }

  const display = new Map<string, string>([
    ...command.args.map((a) => [a.key, a.name] as const),
    ...command.flags.map((f) => [camel(f.name), `--${f.name}`] as const),
  ])
  const { z } = await import('zod')
  const result = command.options(z).safeParse(values, { reportInput: true })
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '')
      // A missing argument or a bad flag was already reported by name above.
      if (problems.some((p) => p.path === display.get(key))) continue
      for (const p of problemsFromIssues([{ ...issue, path: issue.path.slice(1) }], { input: values[key] })) {
        problems.push({ ...p, path: display.get(key) ?? p.path })
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems, `Run "stackbrief ${command.name} --help" for usage.`)
  return { help: false, options: (result as { data: T }).data }
}

function oneOfFlags(flags: readonly FlagSpec[]): string {
  return `one of ${[...flags.map((f) => `--${f.name}`), '--help'].join(', ')}`
}

function argList(command: Command): string {
  return command.args.map((a) => a.name).join(' ') || 'none'
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}
