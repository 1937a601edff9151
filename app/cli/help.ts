import type { Command } from './command.ts'

const EXIT_CODES =
  'Exit status: 0 on success; 2 on bad input, each problem on standard error as "path: expected …, got …"; 1 on an internal failure.'

/** The usage line, built from the command's own table entry so it cannot drift from what is parsed. */
export function usageLine(command: Command): string {
  const args = command.args.map((a) => (a.optional ? `[${a.name}]` : a.name))
  const flags = command.flags.map((f) => `[--${f.name}${f.value ? ` ${f.value}` : ''}]`)
  return ['stackbrief', command.name, ...args, ...flags].join(' ')
}

export function topHelp(commands: readonly Command[]): string {
  const heads = commands.map((c) => [c.name, ...c.args.map((a) => (a.optional ? `[${a.name}]` : a.name))].join(' '))
  return [
    'stackbrief: Architecture Decision Briefs from a feasibility questionnaire.',
    '',
    'Usage: stackbrief COMMAND [ARGUMENTS] [OPTIONS]',
    '',
    'Commands:',
    ...columns(commands.map((c, i) => [heads[i], c.summary])),
    '',
    'Options:',
    ...columns([
      ['-h, --help', "show help; after a command, that command's help"],
      ['--version', 'print the version'],
    ]),
    '',
    'Start with:',
    '  stackbrief example b2b-saas > answers.yaml',
    '  stackbrief generate answers.yaml --format md --out brief.md',
    '',
    EXIT_CODES,
    'Run "stackbrief COMMAND --help" for the options of a command.',
    '',
  ].join('\n')
}

export function commandHelp(command: Command): string {
  const lines = [`Usage: ${usageLine(command)}`, '', command.description, '']
  if (command.args.length > 0) lines.push('Arguments:', ...columns(command.args.map((a) => [a.name, a.summary])), '')
  lines.push(
    'Options:',
    ...columns([
      ...command.flags.map((f) => [`--${f.name}${f.value ? ` ${f.value}` : ''}`, f.summary]),
      ['-h, --help', 'show this help'],
    ]),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
    command.exitStatus ?? EXIT_CODES,
    '',
  )
  return lines.join('\n')
}

function columns(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(...rows.map((r) => r[0].length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)
}
