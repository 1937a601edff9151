import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describeValue, problem } from '#app/lib/problems.ts'
import { defineCommand } from './command.ts'
import { InputError } from './errors.ts'

const EXAMPLES_DIR = fileURLToPath(new URL('../../content/examples/', import.meta.url))
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/

export const example = defineCommand({
  name: 'example',
  summary: 'Print a ready answers file, or list the examples',
  description:
    'Print one of the example answers files exactly as shipped, to edit and feed to generate. Without NAME, list the examples with what each one describes.',
  args: [
    {
      name: 'NAME',
      key: 'name',
      summary: 'an example name, as listed by "stackbrief example"',
      expected: 'an example name',
      optional: true,
    },
  ],
  flags: [],
  options: (z) => z.strictObject({ name: z.string().optional() }),
  examples: ['stackbrief example', 'stackbrief example b2b-saas > answers.yaml'],
  async run({ name }, io) {
    const names = await exampleNames()
    if (name === undefined) {
      const width = Math.max(...names.map((n) => n.length))
      const lines = await Promise.all(
        names.map(async (n) => `${n.padEnd(width)}  ${firstComment(await readExample(n))}`.trimEnd()),
      )
      io.stdout(`${lines.join('\n')}\n`)
      return
    }
    const wanted = name.replace(/\.ya?ml$/, '')
    if (!NAME.test(wanted) || !names.includes(wanted)) {
      throw new InputError([problem('NAME', `one of ${names.join(', ')}`, describeValue(name))])
    }
    io.stdout(await readExample(wanted))
  },
})

async function exampleNames(): Promise<string[]> {
  return (await readdir(EXAMPLES_DIR))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .filter((n) => NAME.test(n))
    .sort()
}

function readExample(name: string): Promise<string> {
  return readFile(`${EXAMPLES_DIR}${name}.yaml`, 'utf8')
}

function firstComment(source: string): string {
  const line = source.split('\n').find((l) => l.trim().startsWith('#'))
  return line ? line.trim().replace(/^#+\s*/, '') : ''
}
