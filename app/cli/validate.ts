import { ANSWERS_FILE_ARG, defineCommand } from './command.ts'

export const validate = defineCommand({
  name: 'validate',
  summary: 'Check an answers file against the Answers schema (version 1 or 2)',
  description:
    'Check an answers file against the Answers schema, version 1 or 2 as the file says, without generating anything. Prints one line naming the version when it is valid; otherwise every problem, one per line, as "path: expected …, got …".',
  args: [ANSWERS_FILE_ARG],
  flags: [],
  options: (z) => z.strictObject({ file: z.string() }),
  examples: ['stackbrief validate answers.yaml', 'cat answers.json | stackbrief validate -'],
  async run({ file }, io) {
    const { readAnswersFileAsWritten, shownAs } = await import('./answers-file.ts')
    const { writtenVersion } = await readAnswersFileAsWritten(file, io)
    io.stdout(`ok: ${shownAs(file)} is valid Answers v${writtenVersion}\n`)
  },
})
