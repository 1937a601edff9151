import { ANSWERS_FILE_ARG, defineCommand } from './command'

export const validate = defineCommand({
  name: 'validate',
  summary: 'Check an answers file against Answers v1',
  description:
    'Check an answers file against Answers v1 without generating anything. Prints one line when it is valid; otherwise every problem, one per line, as "path: expected …, got …".',
  args: [ANSWERS_FILE_ARG],
  flags: [],
  options: (z) => z.strictObject({ file: z.string() }),
  examples: ['stackbrief validate answers.yaml', 'cat answers.json | stackbrief validate -'],
  async run({ file }, io) {
    const { readAnswersFile, shownAs } = await import('./answers-file')
    await readAnswersFile(file, io)
    io.stdout(`ok: ${shownAs(file)} is valid Answers v1\n`)
  },
})
