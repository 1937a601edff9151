import type { Command } from './command'
import { example } from './example'
import { generate } from './generate'
import { validate } from './validate'

/** Every command, in the order help lists them. A new command is one file and one entry here. */
export const COMMANDS: readonly Command[] = [generate, validate, example] as readonly Command[]
