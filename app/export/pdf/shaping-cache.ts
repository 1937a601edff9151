import { createRequire } from 'node:module'

/**
 * Shaping text (Roboto's kerning and ligature lookups, run by fontkit) is
 * about a third of a PDF render. pdfkit caches the shaped runs of each word,
 * but per document, so every render shapes the same words again. This keeps
 * that cache for the life of the process, one per font: a shaped run depends
 * only on the font file and the word, so the bytes written are the same (the
 * tests compare renders byte for byte), and a render costs about 30% less CPU.
 *
 * It replaces one method of pdfkit's embedded-font class, found through a
 * font loaded once. Should a pdfkit release rename what it relies on, it
 * leaves pdfkit alone and renders are merely slower: `installShapingCache`
 * says whether it took.
 */

// Words, per font; past this many a font's cache starts again, so typed text cannot grow it without end.
const MAX_RUNS_PER_FONT = 20_000

interface EmbeddedFontLike {
  font: { postscriptName: string; unitsPerEm: number; numGlyphs: number }
  layoutRun(text: string): unknown
  layoutCached(text: string): unknown
}

let installed: boolean | undefined

export function installShapingCache(fontFile: string): boolean {
  installed ??= install(fontFile)
  return installed
}

function install(fontFile: string): boolean {
  try {
    // pdfmake's own copy of pdfkit, which may differ from any other in node_modules.
    const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'))
    const PDFKit = fromPdfmake('pdfkit') as new (options: object) => { font(src: string): { _font: object } }
    const proto = Object.getPrototypeOf(new PDFKit({ autoFirstPage: false }).font(fontFile)._font) as EmbeddedFontLike
    if (typeof proto.layoutCached !== 'function' || typeof proto.layoutRun !== 'function') return false
    const caches = new Map<string, Map<string, unknown>>()
    proto.layoutCached = function (this: EmbeddedFontLike, text: string) {
      const key = `${this.font.postscriptName}/${this.font.unitsPerEm}/${this.font.numGlyphs}`
      let cache = caches.get(key)
      if (!cache || cache.size >= MAX_RUNS_PER_FONT) {
        cache = new Map()
        caches.set(key, cache)
      }
      let run = cache.get(text)
      if (run === undefined) {
        run = this.layoutRun(text)
        cache.set(text, run)
      }
      return run
    }
    return true
  } catch {
    return false
  }
}
