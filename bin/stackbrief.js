#!/usr/bin/env node
// Launcher: registers tsx so the TypeScript sources run as they are, with no build step.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

function fail(error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`error: ${message.split('\n')[0] || 'unexpected failure'}\n`)
  if (process.env.STACKBRIEF_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`)
  process.exit(1)
}

process.on('uncaughtException', fail)
process.on('unhandledRejection', fail)
// A reader that stops early (`stackbrief generate a.yaml | head`) is not a failure.
process.stdout.on('error', (error) => (error.code === 'EPIPE' ? process.exit(0) : fail(error)))

try {
  // The project's tsconfig, wherever the command is run from (JSX and module settings).
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
  const { run } = await import('#app/cli/main.ts')
  process.exitCode = await run(process.argv.slice(2))
} catch (error) {
  fail(error)
}
