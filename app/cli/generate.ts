import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { problem } from '../lib/problems'
import { ANSWERS_FILE_ARG, defineCommand } from './command'
import { InputError } from './errors'

export const generate = defineCommand({
  name: 'generate',
  summary: 'Turn an answers file into a brief, as JSON or Markdown',
  description:
    'Turn an answers file (Answers v1, JSON or YAML) into an Architecture Decision Brief: the Brief as JSON, or the Markdown export with its tables, checklists and Mermaid pictures.',
  args: [ANSWERS_FILE_ARG],
  flags: [
    { name: 'format', value: 'json|md', summary: 'print the Brief as JSON or the brief as Markdown (default: json)' },
    { name: 'out', value: 'PATH', summary: 'write to PATH instead of standard output, creating missing folders' },
  ],
  options: (z) =>
    z.strictObject({
      file: z.string(),
      format: z.enum(['json', 'md']).default('json'),
      out: z.string().min(1).optional(),
    }),
  examples: ['stackbrief generate answers.yaml', 'stackbrief generate answers.json --format md --out briefs/brief.md'],
  async run({ file, format, out }, io) {
    const { readAnswersFile } = await import('./answers-file')
    const answers = await readAnswersFile(file, io)
    const [{ loadCatalog }, { generateBrief }] = await Promise.all([
      import('../catalog.server'),
      import('../engine/generate'),
    ])
    const brief = generateBrief(answers, loadCatalog())
    let text: string
    if (format === 'md') {
      const { renderMarkdown } = await import('../export/markdown')
      text = renderMarkdown(brief, answers)
    } else {
      text = `${JSON.stringify(brief, null, 2)}\n`
    }
    if (out === undefined || out === '-') io.stdout(text)
    else await writeOut(resolve(io.cwd, out), out, text)
  },
})

async function writeOut(target: string, shown: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, text)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const got =
      code === 'EISDIR'
        ? 'a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? 'a path that runs through a file'
            : (code ?? (error as Error).message)
    throw new InputError([problem('--out', `a file path that can be written (${shown})`, got)])
  }
}
