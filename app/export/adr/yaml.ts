/**
 * Front matter written by hand, so that every value has exactly one shape:
 * strings in double quotes on one line, numbers bare, lists of strings as
 * block sequences. A double-quoted YAML scalar accepts JSON's escapes, so a
 * value can hold quotes, colons, `---`, `#`, newlines or HTML and still never
 * end the string, start a comment or close the front matter.
 */

export type FrontMatterValue = string | number | readonly string[]

// JSON leaves these as they are, but YAML wants them escaped inside a quoted scalar (they are not "printable"),
// and a line or paragraph separator would look like a line break to some readers.
const YAML_UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff]/g

/** A YAML double-quoted scalar on one line. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(YAML_UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

const KEY = /^[a-z][a-z0-9-]*$/

/** `---`, one `key: value` per entry in the order given, `---`. Entries whose value is undefined are left out. */
export function frontMatter(entries: readonly (readonly [string, FrontMatterValue | undefined])[]): string {
  const lines = ['---']
  for (const [key, value] of entries) {
    if (!KEY.test(key)) throw new RangeError(`front matter key ${JSON.stringify(key)} is not a plain lowercase key`)
    if (value === undefined) continue
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`front matter ${key} must be a finite number`)
      lines.push(`${key}: ${value}`)
    } else if (typeof value === 'string') {
      lines.push(`${key}: ${yamlString(value)}`)
    } else if (value.length === 0) {
      lines.push(`${key}: []`)
    } else {
      lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`))
    }
  }
  lines.push('---')
  return lines.join('\n')
}

/** Splits `---\n…\n---` off the top of a file: the YAML text and the body after it, or null when there is none. */
export function splitFrontMatter(content: string): { yaml: string; body: string } | null {
  const text = content.replace(/^\uFEFF/, '')
  const match = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)
  if (!match) return null
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) }
}
