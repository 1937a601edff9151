import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * The embedded font: Roboto as shipped inside the pdfmake package, so the
 * PDF needs nothing installed on the machine. Roboto covers Latin, Greek and
 * Cyrillic; for anything else (Hebrew, Arabic, CJK, emoji) it has no glyph,
 * and a missing glyph prints as an empty box laid over its neighbours and
 * drops out of the text layer. `printable` swaps such runs for one visible
 * marker instead, so the page stays readable.
 */

const require = createRequire(import.meta.url)

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics'

let files: Record<FontStyle, string> | undefined

export function fontFiles(): Record<FontStyle, string> {
  files ??= {
    normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
    bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
    italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
    bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
  }
  return files
}

/** What stands in for a run of characters the font cannot draw: the replacement character, which Roboto has. */
export const MISSING_GLYPHS = '\ufffd'

let covered: ((codePoint: number) => boolean) | undefined

/** `text` with every run of characters Roboto has no glyph for replaced by one `MISSING_GLYPHS`. */
export function printable(text: string): string {
  covered ??= coverage(readFileSync(fontFiles().normal))
  let out = ''
  let missing = false
  for (const c of text) {
    const cp = c.codePointAt(0) ?? 0
    if (covered(cp)) {
      out += c
      missing = false
    } else if (!missing) {
      out += MISSING_GLYPHS
      missing = true
    }
  }
  return out
}

/**
 * The characters a TrueType font maps to a glyph, read from its `cmap` table
 * (the Windows Unicode subtables: format 12, or format 4 for the BMP only).
 */
export function coverage(font: Uint8Array): (codePoint: number) => boolean {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const tables = view.getUint16(4)
  let cmap = -1
  for (let i = 0; i < tables; i++) {
    const entry = 12 + i * 16
    if (String.fromCharCode(...font.subarray(entry, entry + 4)) === 'cmap') cmap = view.getUint32(entry + 8)
  }
  if (cmap < 0) return () => false
  const ranges: [number, number][] = []
  let best: { format: number; offset: number } | undefined
  const subtables = view.getUint16(cmap + 2)
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8)
    const encoding = view.getUint16(cmap + 6 + i * 8)
    const offset = cmap + view.getUint32(cmap + 8 + i * 8)
    const format = view.getUint16(offset)
    if (platform === 3 && encoding === 10 && format === 12) best = { format, offset }
    else if (platform === 3 && encoding === 1 && format === 4 && !best) best = { format, offset }
  }
  if (best?.format === 12) {
    const groups = view.getUint32(best.offset + 12)
    for (let g = 0; g < groups; g++) {
      const at = best.offset + 16 + g * 12
      if (view.getUint32(at + 8) !== 0) ranges.push([view.getUint32(at), view.getUint32(at + 4)])
    }
  } else if (best?.format === 4) {
    const segments = view.getUint16(best.offset + 6) / 2
    const ends = best.offset + 14
    const starts = ends + segments * 2 + 2
    for (let s = 0; s < segments; s++) {
      const start = view.getUint16(starts + s * 2)
      const end = view.getUint16(ends + s * 2)
      if (start !== 0xffff) ranges.push([start, end])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  return (codePoint) => {
    let lo = 0
    let hi = ranges.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const [start, end] = ranges[mid]
      if (codePoint < start) hi = mid - 1
      else if (codePoint > end) lo = mid + 1
      else return true
    }
    return false
  }
}
