import { randomBytes } from 'node:crypto'

/**
 * Row ids: a one-letter kind, an underscore and random base32 characters,
 * safe in a URL as they are. One generator for every kind, so an id's shape
 * (and the pattern that checks it) is said once.
 */

/** Brief, revision, token, note, draft, job, workspace, API key. */
export type IdKind = 'b' | 'r' | 't' | 'n' | 'd' | 'j' | 'w' | 'k'

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'
/** Crockford's base32 is in ASCII order, so time-ordered ids made later sort later in both databases. */
const SORTABLE = '0123456789abcdefghjkmnpqrstvwxyz'

/** `b_` (or another kind) and 16 characters of lowercase base32: 80 random bits. */
export function newId(kind: IdKind): string {
  // 256 is a multiple of 32, so each byte's low five bits are uniform.
  let id = `${kind}_`
  for (const byte of randomBytes(16)) id += BASE32[byte & 31]
  return id
}

/** The pattern every `newId(kind)` matches. */
export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${kind}_[a-z2-7]{16}$`)
}

/**
 * `c_`, ten characters of the time in milliseconds and ten random ones, all in
 * sortable base32: ids written later sort later, to the millisecond.
 */
export function newTimeOrderedId(kind: 'c', now: Date): string {
  let time = ''
  let ms = Math.max(0, now.getTime())
  for (let i = 0; i < 10; i++) {
    time = SORTABLE[ms % 32] + time
    ms = Math.floor(ms / 32)
  }
  let random = ''
  for (const byte of randomBytes(10)) random += SORTABLE[byte & 31]
  return `${kind}_${time}${random}`
}

export const TIME_ORDERED_ID_PATTERN = /^c_[0-9a-hjkmnp-tv-z]{20}$/
