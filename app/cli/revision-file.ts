import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { describeValue, type Problem, parseWithProblems, problem } from '#app/lib/problems.ts'
import { readDataFile } from './answers-file.ts'
import type { CliIO } from './command.ts'
import { InputError } from './errors.ts'

/** What a file given to diff or check turned out to hold. */
export type RevisionKind = 'answers' | 'brief' | 'revision'

export interface RevisionInput {
  kind: RevisionKind
  /** Null for a brief file alone: it does not carry the answers it was made from. */
  answers: Answers | null
  brief: Brief
}

export const REVISION_FILE_KINDS =
  'answers (JSON or YAML, generated here with the current engine and catalog), a Brief JSON (it carries "schemaVersion"), or a revision JSON {"answers": …, "brief": …}'

/**
 * Reads answers, a brief, or a revision. By shape: `schemaVersion` at the top
 * is a Brief, a `brief` field is a revision (other fields, as an API response
 * carries, are ignored), anything else is answers, which are generated here.
 * `label` prefixes every problem path (`old.yaml:team.engineers`) when two
 * files of the same kind could otherwise be confused.
 */
export async function readRevisionFile(file: string, io: CliIO, label?: string): Promise<RevisionInput> {
  const data = await readDataFile(file, io, 'answers, brief or revision')
  const fail = (problems: readonly Problem[], under = '') =>
    new InputError(
      problems.map((p) => {
        const path = under ? (p.path === '(top level)' ? under : `${under}.${p.path}`) : p.path
        return { ...p, path: label ? `${label}:${path}` : path }
      }),
    )
  const record =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null

  if (record && 'schemaVersion' in record) {
    return { kind: 'brief', answers: null, brief: await parseBrief(record, (p) => fail(p)) }
  }
  if (record && 'brief' in record) {
    const brief = await parseBrief(record.brief, (p) => fail(p, 'brief'))
    if (record.answers === undefined || record.answers === null) return { kind: 'revision', answers: null, brief }
    const answers = await parseAnswers(record.answers, (p) => fail(p, 'answers'))
    return { kind: 'revision', answers, brief }
  }
  const answers = await parseAnswers(data, (p) => fail(p))
  const [{ loadCatalog }, { generateBrief }] = await Promise.all([
    import('#app/catalog.server.ts'),
    import('#app/engine/generate.ts'),
  ])
  return { kind: 'answers', answers, brief: generateBrief(answers, loadCatalog()) }
}

async function parseBrief(data: unknown, fail: (p: readonly Problem[]) => Error): Promise<Brief> {
  const { BriefSchema } = await import('#app/engine/brief.ts')
  const parsed = parseWithProblems(BriefSchema, data)
  if (!parsed.success) throw fail(parsed.problems)
  return parsed.data
}

async function parseAnswers(data: unknown, fail: (p: readonly Problem[]) => Error): Promise<Answers> {
  const { AnswersSchema } = await import('#app/engine/answers.ts')
  const parsed = parseWithProblems(AnswersSchema, data)
  if (!parsed.success) throw fail(parsed.problems)
  return parsed.data
}

/** Standard input can be read once: at most one file argument may be `-`. */
export function requireOneStdin(files: readonly [name: string, file: string][]): void {
  const stdin = files.filter(([, file]) => file === '-')
  if (stdin.length > 1) {
    throw new InputError(
      stdin
        .slice(1)
        .map(([name]) =>
          problem(name, 'a file path (standard input is read for one argument only)', describeValue('-')),
        ),
    )
  }
}
