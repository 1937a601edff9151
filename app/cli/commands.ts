import { adr } from './adr.ts'
import { backup } from './backup.ts'
import { check } from './check.ts'
import type { Command } from './command.ts'
import { diff } from './diff.ts'
import { example } from './example.ts'
import { exportCommand } from './export.ts'
import { generate } from './generate.ts'
import { importCommand } from './import.ts'
import { migrate } from './migrate.ts'
import { validate } from './validate.ts'
import { workspaces } from './workspaces.ts'

/** Every command, in the order help lists them. A new command is one file and one entry here. */
export const COMMANDS: readonly Command[] = [
  generate,
  validate,
  diff,
  check,
  adr,
  example,
  migrate,
  workspaces,
  exportCommand,
  importCommand,
  backup,
] as readonly Command[]
