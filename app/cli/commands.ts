import { adr } from './adr'
import { backup } from './backup'
import { check } from './check'
import type { Command } from './command'
import { diff } from './diff'
import { example } from './example'
import { exportCommand } from './export'
import { generate } from './generate'
import { importCommand } from './import'
import { migrate } from './migrate'
import { validate } from './validate'

/** Every command, in the order help lists them. A new command is one file and one entry here. */
export const COMMANDS: readonly Command[] = [
  generate,
  validate,
  diff,
  check,
  adr,
  example,
  migrate,
  exportCommand,
  importCommand,
  backup,
] as readonly Command[]
