import { CHOICE_IDS } from '#app/engine/choice-ids.ts'

export { CHOICE_IDS }

/** The vocabulary as a Markdown table, for the API description. */
export function choiceIdTable(): string {
  const rows = Object.entries(CHOICE_IDS).map(
    ([area, ids]) => `| ${area} | ${ids.map((id) => `\`${id}\``).join(', ')} |`,
  )
  return ['| area | choice ids |', '|---|---|', ...rows].join('\n')
}
