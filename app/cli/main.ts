import { readFileSync } from 'node:fs'
import { describeValue, formatProblem, problem } from '#app/lib/problems.ts'
import { parseCommandArgs } from './args.ts'
import type { CliIO } from './command.ts'
import { COMMANDS } from './commands.ts'
import { EXIT, InputError } from './errors.ts'
import { commandHelp, topHelp } from './help.ts'

/** Runs one invocation and returns the exit status; never throws and never prints a stack unless asked to. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    const [first, ...rest] = argv
    if (first === undefined || first === '--help' || first === '-h') {
      io.stdout(topHelp(COMMANDS))
      return EXIT.ok
    }
    if (first === '--version') {
      io.stdout(`${await version()}\n`)
      return EXIT.ok
    }
    const names = COMMANDS.map((c) => c.name).join(', ')
    if (first.startsWith('-')) {
      throw new InputError(
        [problem(first, `a command (${names}), --help or --version`, 'an unknown flag')],
        'Run "stackbrief --help" for usage.',
      )
    }
    const command = COMMANDS.find((c) => c.name === first)
    if (!command) {
      throw new InputError(
        [problem('command', `one of ${names}`, describeValue(first))],
        'Run "stackbrief --help" for usage.',
      )
    }
    const parsed = await parseCommandArgs(command, rest)
    if (parsed.help) {
      io.stdout(commandHelp(command))
      return EXIT.ok
    }
    return (await command.run(parsed.options, io)) ?? EXIT.ok
  } catch (error) {
    return report(error, io)
  }
}

function report(error: unknown, io: CliIO): number {
  if (error instanceof InputError) {
    const lines = error.problems.map(formatProblem)
    if (error.hint) lines.push(error.hint)
    io.stderr(`${lines.join('\n')}\n`)
    return EXIT.input
  }
  const message = error instanceof Error ? error.message : String(error)
  const line = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
  io.stderr(`error: ${line || 'unexpected failure'}\n`)
  if (io.env.STACKBRIEF_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
  return EXIT.internal
}

async function version(): Promise<string> {
  const { ENGINE_VERSION } = await import('#app/engine/version.ts')
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return `stackbrief ${manifest.version} (engine ${ENGINE_VERSION}, Answers v1, Brief v1)`
}

export function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    async readStdin() {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
  }
}
