import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { describeValue, problem } from '#app/lib/problems.ts'
import { ANSWERS_FILE_ARG, BASE_URL_FLAG, baseUrlOption, defineCommand } from './command.ts'
import { InputError } from './errors.ts'

export const generate = defineCommand({
  name: 'generate',
  summary: 'Turn an answers file into a brief, as JSON or Markdown',
  description:
    'Turn an answers file (Answers v1, JSON or YAML) into an Architecture Decision Brief: the Brief as JSON, the Markdown export with its tables, checklists and Mermaid pictures, or a PDF to hand to a client.',
  args: [ANSWERS_FILE_ARG],
  flags: [
    {
      name: 'format',
      value: 'json|md|pdf|adr|radar-csv|radar-json',
      summary:
        'the Brief as JSON, the brief as Markdown or PDF, decision records (adr, into the --out folder) or a tech radar (default: json)',
    },
    {
      name: 'out',
      value: 'PATH',
      summary: 'write to PATH instead of standard output, creating missing folders; with adr, the folder',
    },
    { name: 'page-size', value: 'a4|letter', summary: 'with pdf: the paper size (default: a4)' },
    { name: 'prepared-by', value: 'NAME', summary: 'with pdf: who prepared the brief, shown on the cover' },
    { name: 'client', value: 'NAME', summary: 'with pdf: who the brief is for, shown on the cover and in the footer' },
    { name: 'date', value: 'YYYY-MM-DD', summary: "with pdf: the brief's date on the cover (default: today)" },
    BASE_URL_FLAG,
  ],
  options: (z) =>
    z.strictObject({
      file: z.string(),
      format: z.enum(['json', 'md', 'pdf', 'adr', 'radar-csv', 'radar-json']).default('json'),
      out: z.string().min(1).optional(),
      pageSize: z.enum(['a4', 'letter']).optional(),
      preparedBy: z.string().trim().min(1).max(200).optional(),
      client: z.string().trim().min(1).max(200).optional(),
      date: z.iso.date().optional(),
      baseUrl: baseUrlOption(z),
    }),
  examples: [
    'stackbrief generate answers.yaml',
    'stackbrief generate answers.json --format md --out briefs/brief.md',
    'stackbrief generate answers.yaml --format pdf --page-size letter --client "Acme Ltd" --out brief.pdf',
    'stackbrief generate answers.yaml --format md --base-url https://briefs.example.com --out brief.md',
  ],
  async run({ file, format, out, pageSize, preparedBy, client, date, baseUrl }, io) {
    if (format !== 'pdf') requireNoPdfFlags({ pageSize, preparedBy, client, date })
    if (format === 'pdf' && (out === undefined || out === '-') && process.stdout.isTTY) {
      throw new InputError([problem('--out', 'a file for the PDF (standard output is a terminal)', 'nothing')])
    }
    const { readAnswersFile } = await import('./answers-file.ts')
    const answers = await readAnswersFile(file, io)
    const [{ loadCatalog }, { generateBrief }] = await Promise.all([
      import('#app/catalog.server.ts'),
      import('#app/engine/generate.ts'),
    ])
    const brief = generateBrief(answers, loadCatalog())
    if (format === 'adr') {
      if (out === undefined || out === '-') {
        throw new InputError([problem('--out', 'a folder for the records (required with --format adr)', 'nothing')])
      }
      const { writeAdrs } = await import('./adr.ts')
      return writeAdrs({ brief, answers, into: out, io, flag: '--out', baseUrl })
    }
    if (format === 'pdf') {
      const { renderPdf } = await import('#app/export/pdf.ts')
      const pdf = await renderPdf(brief, answers, {
        pageSize: pageSize === 'letter' ? 'LETTER' : 'A4',
        date: date ?? today(),
        preparedBy,
        client,
        guideBaseUrl: baseUrl,
      })
      // Binary goes to the process's own stream: CliIO carries text only.
      if (out === undefined || out === '-') await writeStdout(pdf)
      else await writeOut(resolve(io.cwd, out), out, pdf)
      return
    }
    let text: string
    if (format === 'md') {
      const { renderMarkdown } = await import('#app/export/markdown.ts')
      text = renderMarkdown(brief, answers, { guideBaseUrl: baseUrl })
    } else if (format === 'radar-csv' || format === 'radar-json') {
      const { buildRadar, radarCsv, radarJson } = await import('#app/export/radar.ts')
      text = format === 'radar-csv' ? radarCsv(buildRadar(brief)) : radarJson(buildRadar(brief))
    } else {
      text = `${JSON.stringify(brief, null, 2)}\n`
    }
    if (out === undefined || out === '-') io.stdout(text)
    else await writeOut(resolve(io.cwd, out), out, text)
  },
})

const PDF_FLAGS = { pageSize: '--page-size', preparedBy: '--prepared-by', client: '--client', date: '--date' } as const

function requireNoPdfFlags(given: Record<keyof typeof PDF_FLAGS, string | undefined>): void {
  const used = (Object.keys(PDF_FLAGS) as (keyof typeof PDF_FLAGS)[]).filter((k) => given[k] !== undefined)
  if (used.length > 0) {
    throw new InputError(
      used.map((k) => problem(PDF_FLAGS[k], 'to be used with --format pdf', describeValue(given[k]))),
    )
  }
}

/** Today's date where the command runs, `YYYY-MM-DD`: the renderer has no clock of its own. */
function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((done, fail) => process.stdout.write(bytes, (error) => (error ? fail(error) : done())))
}

async function writeOut(target: string, shown: string, text: string | Uint8Array): Promise<void> {
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
