/**
 * Escaping for text that lands in Markdown and Mermaid. A brief carries text
 * a person typed (the product name shows up in summaries and rule sentences),
 * so every string is treated as hostile: it may hold pipes, backticks, HTML,
 * Markdown markers, newlines or Mermaid syntax, and none of it may change the
 * shape of the document around it.
 */

// Controls other than whitespace, and the bidirectional overrides that can reorder what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
const SPACE_RUN = /[\s\u0085\u2028\u2029]+/g

/** One line of plain text: controls dropped, every run of whitespace (newlines too) made one space. */
export function oneLine(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim()
}

const ALNUM = /[\p{L}\p{N}]/u

/**
 * Inline Markdown text, safe in a paragraph, list item, heading or table cell.
 * Escapes what GitHub would read as syntax and leaves ordinary prose readable:
 * `snake_case` and `$25` stay as they are, `*`, `|`, `` ` `` and `<b>` do not.
 */
export function md(text: string): string {
  const s = oneLine(text)
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    const prev = s[i - 1] ?? ''
    const next = s[i + 1] ?? ''
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '|':
      case '~':
        out += `\\${c}`
        break
      case '_':
        // Inside a word an underscore cannot open or close emphasis in GitHub Markdown.
        out += ALNUM.test(prev) && ALNUM.test(next) ? c : `\\${c}`
        break
      case '<':
        // Only a letter, `/`, `!` or `?` after `<` can start raw HTML or an autolink.
        out += /[A-Za-z/!?]/.test(next) ? `\\${c}` : c
        break
      case '&':
        out += /^&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(s.slice(i)) ? `\\${c}` : c
        break
      case '$':
        // Math needs a closing `$` not followed by a digit; leaving only `$25`-style dollars unescaped rules that out.
        out += /\d/.test(next) ? c : `\\${c}`
        break
      case '#':
        out += i === 0 || prev === ' ' ? `\\${c}` : c
        break
      default:
        out += c
    }
  }
  return escapeLineStart(out)
}

/** Block markers only count at the start of a line: list bullets, numbered items, quotes, rules, setext lines. */
function escapeLineStart(text: string): string {
  if (/^[-+=>]/.test(text)) return `\\${text}`
  const numbered = /^(\d{1,9})[.)](?= |$)/.exec(text)
  if (numbered) return `${numbered[1]}\\${text.slice(numbered[1].length)}`
  return text
}

/** A code span that survives any backticks in `text`; inside a table a pipe is escaped too, as GFM requires. */
export function code(text: string, inTable = false): string {
  const s = oneLine(text)
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : ''
  const body = inTable ? s.replace(/\|/g, '\\|') : s
  return `${fence}${pad}${body}${pad}${fence}`
}

/** A URL for a Markdown link destination: no spaces, parentheses or angle brackets to end it early. */
export function linkUrl(url: string): string {
  return encodeURI(oneLine(url))
    .replace(/%25([0-9A-Fa-f]{2})/g, '%$1')
    .replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** An http(s) address shown as an autolink when it is clean enough, otherwise as escaped text. */
export function autolink(url: string): string {
  const s = oneLine(url)
  return /^https?:\/\/[^\s<>`|\\]+$/.test(s) ? `<${s}>` : md(s)
}

// Characters that never need encoding inside a quoted Mermaid label. Not `:` either: Mermaid drops the last
// `;` of any line matching /style.*:\S*#.*;/ before parsing, which would cut an entity code short.
const MERMAID_SAFE = /[\p{L}\p{N}\p{M} .,/'!?+=@-]/u

/**
 * Text for a quoted Mermaid label or title: `"…"` with anything that could end
 * the string, start a comment, an entity, a link, HTML or Markdown written as a
 * numeric entity code (`#34;`), which Mermaid turns back into the character.
 */
export function mermaidText(text: string): string {
  let out = ''
  for (const c of oneLine(text)) {
    out += MERMAID_SAFE.test(c) ? c : `#${c.codePointAt(0)};`
  }
  // A leading bullet or number could be read as a Markdown list where labels are rendered as Markdown.
  return out.replace(/^([-+])/, (c) => `#${c.charCodeAt(0)};`).replace(/^(\d+)\./, '$1#46;')
}

export function mermaidLabel(text: string): string {
  return `"${mermaidText(text)}"`
}
