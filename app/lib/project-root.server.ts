import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

/** The folder holding the package.json named "stackbrief", from the sources or from anywhere under build/. */
export function projectRoot(): string {
  root ??= findProjectRoot()
  return root
}

function findProjectRoot(): string {
  let here = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(here, 'package.json')
    if (existsSync(manifest) && readName(manifest) === 'stackbrief') return here
    const up = dirname(here)
    if (up === here) return process.cwd()
    here = up
  }
}

function readName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name
  } catch {
    return undefined
  }
}
