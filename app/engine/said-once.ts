import type { Costs } from './brief.ts'

type LineItem = Costs['lineItems'][number]

/** Sentences as the brief writes them: a stop after a lower-case letter, digit or bracket, then a capital. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[a-z0-9)][.!?])\s+(?=[A-Z])/)
}

/**
 * Each line item's basis with the sentences an earlier line item already
 * gave taken out, and the earlier items that gave them: several services on
 * one platform share its price sentence, which a table then states once.
 * Read by every form of the brief, so they all say it once in the same way.
 */
export function basesSaidOnce(items: readonly LineItem[]): Map<LineItem, { pricedAs: LineItem[]; rest: string[] }> {
  const firstSaidBy = new Map<string, LineItem>()
  const out = new Map<LineItem, { pricedAs: LineItem[]; rest: string[] }>()
  for (const item of items) {
    const rest: string[] = []
    const pricedAs: LineItem[] = []
    for (const sentence of splitSentences(item.basis)) {
      const earlier = firstSaidBy.get(sentence)
      if (earlier === undefined) {
        firstSaidBy.set(sentence, item)
        rest.push(sentence)
      } else if (!pricedAs.includes(earlier)) pricedAs.push(earlier)
    }
    out.set(item, { pricedAs, rest })
  }
  return out
}

/** How a line item is named where another refers to it: by its area ("hosting"), or "first hosting" where several share it, else by name. */
export function lineItemReference(
  item: LineItem,
  items: readonly LineItem[],
): { area: string; first: boolean } | { name: string } {
  const same = items.filter((i) => i.area === item.area)
  if (same.length === 1) return { area: item.area, first: false }
  return same[0] === item ? { area: item.area, first: true } : { name: item.name }
}
