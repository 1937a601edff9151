import { readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import { type Answers, AnswersSchema } from '#app/engine/answers.ts'
import { type Problem, parseWithProblems, problem } from '#app/lib/problems.ts'
import type { CliIO } from './command.ts'
import { InputError } from './errors.ts'

export const STDIN = '-'

/** How a file argument is named in messages: as typed, or `standard input` for `-`. */
export function shownAs(file: string): string {
  return file === STDIN ? 'standard input' : file
}

/** Reads, parses and validates an answers file; any problem, from a missing file to a bad enum, is an InputError. */
export async function readAnswersFile(file: string, io: CliIO): Promise<Answers> {
  return (await readAnswersFileAsWritten(file, io)).answers
}

/** The answers, and the schema version the file was written in (the answers themselves are always read as version 2). */
export async function readAnswersFileAsWritten(
  file: string,
  io: CliIO,
): Promise<{ answers: Answers; writtenVersion: number }> {
  const data = await readDataFile(file, io)
  const parsed = parseWithProblems(AnswersSchema, data)
  if (!parsed.success) throw new InputError(parsed.problems)
  return { answers: parsed.data, writtenVersion: (data as { version: number }).version }
}

/** Reads a JSON or YAML file (or standard input) into plain data; `what` names the expected content in problems. */
export async function readDataFile(file: string, io: CliIO, what = 'answers'): Promise<unknown> {
  return parseText(file, await readText(file, io, what), what)
}

async function readText(file: string, io: CliIO, what: string): Promise<string> {
  let bytes: Uint8Array
  try {
    bytes = file === STDIN ? await io.readStdin() : await readFile(resolve(io.cwd, file))
  } catch (error) {
    throw new InputError([readProblem(file, error, what)])
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new InputError([problem(shownAs(file), 'UTF-8 text (JSON or YAML)', 'bytes that are not UTF-8')])
  }
}

function readProblem(file: string, error: unknown, what: string): Problem {
  const code = (error as NodeJS.ErrnoException)?.code
  const where = shownAs(file)
  switch (code) {
    case 'ENOENT':
      return problem(where, `${article(what)} file that exists`, 'no such file')
    case 'EISDIR':
      return problem(where, `${article(what)} file`, 'a folder')
    case 'EACCES':
    case 'EPERM':
      return problem(where, 'a readable file', 'permission denied')
    case 'ENOTDIR':
      return problem(where, `${article(what)} file`, 'a path that runs through a file')
    default:
      return problem(where, 'a readable file', code ?? (error instanceof Error ? error.message : String(error)))
  }
}

type Format = 'json' | 'yaml'

/** By extension when there is a telling one, otherwise by the first character. */
export function detectFormat(file: string, text: string): Format {
  const ext = extname(file).toLowerCase()
  if (ext === '.json') return 'json'
  if (ext === '.yaml' || ext === '.yml') return 'yaml'
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml'
}

function article(what: string): string {
  return `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`
}

function parseText(file: string, text: string, what: string): unknown {
  const where = shownAs(file)
  if (text.trim() === '') throw new InputError([problem(where, `${what} in JSON or YAML`, 'an empty file')])
  const data = detectFormat(file, text) === 'json' ? parseJson(where, text) : parseYaml(where, text)
  if (data === null || data === undefined) {
    throw new InputError([problem(where, `${what} in JSON or YAML`, 'a file with no content but comments')])
  }
  return data
}

function parseJson(where: string, text: string): unknown {
  const body = text.replace(/^\uFEFF/, '')
  try {
    return JSON.parse(body)
  } catch (error) {
    const found = locateJsonError(body)
    if (!found) throw new InputError([problem(where, 'valid JSON', (error as Error).message)])
    const { line, col } = lineColumn(body, found.offset)
    throw new InputError([problem(`${where}:${line}:${col}`, found.expected, found.got)])
  }
}

function parseYaml(where: string, text: string): unknown {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0])
        return problem(`${where}:${line}:${col}`, 'valid YAML', `a syntax error (${e.message.split('\n')[0]})`)
      }),
    )
  }
  try {
    return doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    throw new InputError([problem(where, 'valid YAML', `an error while reading it (${(error as Error).message})`)])
  }
}

function lineColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, col: offset - before.lastIndexOf('\n') }
}

interface JsonError {
  offset: number
  expected: string
  got: string
}

/**
 * Where JSON.parse gave up, and why, in our own words: the engine's message
 * differs between Node versions and often carries no position at all.
 */
export function locateJsonError(text: string): JsonError | null {
  let i = 0
  const fail = (expected: string): never => {
    throw { offset: i, expected, got: gotAt(text, i) } satisfies JsonError
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const string = () => {
    i++
    for (;;) {
      if (i >= text.length) fail('a closing " for the string')
      const c = text[i]
      if (c === '"') {
        i++
        return
      }
      if (c < ' ') fail('no line breaks or control characters inside a string')
      if (c === '\\') {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2
            fail('four hex digits after \\u')
          }
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else {
          i++
          fail('an escape such as \\n, \\" or \\u00e9')
        }
      } else i++
    }
  }
  const value = (): void => {
    space()
    const c = text[i]
    if (c === '{') {
      i++
      space()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        space()
        if (text[i] !== '"') fail('a field name in double quotes')
        string()
        space()
        if (text[i] !== ':') fail('a colon after the field name')
        i++
        value()
        space()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        fail('a comma or }')
      }
    }
    if (c === '[') {
      i++
      space()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value()
        space()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        fail('a comma or ]')
      }
    }
    if (c === '"') {
      string()
      return
    }
    const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
    number.lastIndex = i
    if (c !== undefined && /[-\d]/.test(c) && number.test(text)) {
      i = number.lastIndex
      return
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return
      }
    }
    fail('a value (an object, list, string, number, true, false or null)')
  }
  try {
    value()
    space()
    if (i < text.length) fail('the end of the file after the top-level value')
    return null
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as JsonError
    throw error
  }
}

function gotAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file'
  const token = /[\w.+-]+|\S/y
  token.lastIndex = offset
  const match = token.exec(text)
  return match ? JSON.stringify(match[0].slice(0, 20)) : JSON.stringify(text[offset])
}
