import { strToU8, type Zippable, zipSync } from 'fflate'
import type { AdrFile } from '#app/export/adr.ts'

/**
 * A zip of a records folder, byte for byte the same for the same files and
 * date: entries in name order, every modification time the given date at noon.
 * Zip times carry no time zone and fflate reads the local clock fields of the
 * Date it is given, so the Date is built from local fields: the stored time is
 * then the same wherever the server runs (noon keeps clear of daylight-saving gaps).
 */
export function zipRecords(
  files: readonly AdrFile[],
  options: { date: string; folder?: string },
): Uint8Array<ArrayBuffer> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date)
  if (!m) throw new RangeError(`date: expected YYYY-MM-DD, got ${JSON.stringify(options.date)}`)
  const mtime = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0)
  const folder = (options.folder ?? 'docs/decisions').replace(/^\/+|\/+$/g, '')
  const entries: Zippable = {}
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (f.path.includes('..') || f.path.startsWith('/'))
      throw new RangeError(`a record path must stay in its folder: ${f.path}`)
    entries[folder ? `${folder}/${f.path}` : f.path] = [strToU8(f.content), { mtime, level: 6 }]
  }
  // A copy on a plain ArrayBuffer, which a Response accepts as its body.
  return new Uint8Array(zipSync(entries, { mtime }))
}
