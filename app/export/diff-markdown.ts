import { type Band, METRICS, type Trigger } from '#app/engine/brief.ts'
import {
  type BriefDiff,
  type DecisionChange,
  isEmpty,
  type RiskChange,
  type TriggerChange,
  type TriggerChangeKind,
} from '#app/engine/diff.ts'
import { code, md } from './escape.ts'
import { formatCents, quantityWords } from './markdown.ts'

/**
 * What changed between two revisions, as GitHub-flavoured Markdown. Every
 * string from a brief or an answer goes through the same escaping as the
 * brief export, so a product name cannot change the shape of the page.
 */
export function renderDiffMarkdown(diff: BriefDiff): string {
  const blocks = [header(diff)]
  if (isEmpty(diff)) blocks.push(['No differences.'])
  else {
    blocks.push(answers(diff), decisions(diff.decisions), triggers(diff.triggers), risks(diff.risks), costs(diff))
  }
  return `${blocks.flat().filter(Boolean).join('\n\n')}\n`
}

type Block = string[]

function header(diff: BriefDiff): Block {
  const title = diff.title
    ? `# What changed: ${md(diff.title.before)} → ${md(diff.title.after)}`
    : `# What changed: ${md(diff.to.title)}`
  const v = diff.versions
  const parts = [
    `Engine ${versionText(v.engine, diff.to.engineVersion)}`,
    `catalog ${versionText(v.catalog, diff.to.catalogVersion)}`,
  ]
  if (v.pricesAsOf) parts.push(`prices as of ${md(v.pricesAsOf.before)} → ${md(v.pricesAsOf.after)}`)
  return [title, parts.join(' · ')]
}

function versionText(change: { before: string; after: string } | null, current: string): string {
  return change ? `${code(change.before)} → ${code(change.after)}` : `${code(current)} (unchanged)`
}

function answers(diff: BriefDiff): Block {
  const out = ['## Answers']
  if (!diff.answersCompared) {
    return [...out, 'Not compared: at least one side is a brief without the answers it was made from.']
  }
  if (diff.answers.length === 0) return [...out, 'No answers changed.']
  return [
    ...out,
    table(
      ['Answer', 'Before', 'After'],
      diff.answers.map((a) => [`${md(a.label)} (${code(a.path, true)})`, md(a.beforeText), md(a.afterText)]),
    ),
  ]
}

const STATUS: Record<
  DecisionChange['after'] extends infer S ? (S extends { status: infer T } ? T & string : never) : never,
  string
> = {
  adopt: 'adopt',
  trial: 'trial',
  defer: 'defer',
  avoid: 'avoid',
  not_applicable: 'not needed',
}

function side(s: DecisionChange['before']): string {
  return s ? `${md(s.choice.name)} (${STATUS[s.status]})` : '–'
}

function decisions(list: readonly DecisionChange[]): Block {
  const out = ['## Decisions']
  if (list.length === 0) return [...out, 'No decision changed its choice or status.']
  out.push(
    table(
      ['Area', 'Before', 'After', 'Changed'],
      list.map((d) => [md(d.title), side(d.before), side(d.after), d.changed.join(', ')]),
    ),
  )
  for (const d of list) {
    out.push(`### ${md(d.title)}: ${side(d.before)} → ${side(d.after)}`)
    if (d.after) out.push('Now decided by:', bullets(d.after.because.map(reason)))
    if (d.before) out.push('Before:', bullets(d.before.because.map(reason)))
  }
  return out
}

function reason(b: { rule: string; text: string }): string {
  return `${code(b.rule)}: ${md(b.text)}`
}

const CHANGE_WORDS: Record<TriggerChangeKind, string> = {
  fired: '**Fired**',
  cleared: 'Cleared',
  approaching: 'Now approaching',
  eased: 'No longer approaching',
  added: 'New trigger',
  removed: 'No longer tracked',
}
const STATUS_WORDS: Record<Trigger['status'], string> = { ok: 'OK', approaching: 'Approaching', fired: 'Fired' }

function triggerSide(s: TriggerChange['before']): string {
  if (!s) return '–'
  return s.observed === null ? STATUS_WORDS[s.status] : `${STATUS_WORDS[s.status]} at ${quantity(s.observed, s.unit)}`
}

function triggers(list: readonly TriggerChange[]): Block {
  const out = ['## Migration triggers']
  if (list.length === 0) return [...out, 'No trigger changed its status.']
  out.push(
    table(
      ['Trigger', 'Threshold', 'Before', 'After', 'Change'],
      list.map((t) => {
        const s = t.after ?? t.before
        const threshold = s
          ? `${md(METRICS[t.metric].label)} ${code(s.comparator, true)} ${quantity(s.threshold, s.unit)}`
          : ''
        return [
          `${md(t.title)} (${code(t.id, true)})`,
          threshold,
          triggerSide(t.before),
          triggerSide(t.after),
          CHANGE_WORDS[t.change],
        ]
      }),
    ),
  )
  const fired = list.filter((t) => t.change === 'fired')
  if (fired.length > 0) out.push('Steps now due:', bullets(fired.map((t) => `${code(t.id)}: ${md(t.action)}`)))
  return out
}

const quantity = (value: number, unit: string) => quantityWords(value, unit, md)

const RISK_WORDS: Record<RiskChange['change'], string> = { added: 'New', removed: 'Gone', severity: 'Severity' }

function risks(list: readonly RiskChange[]): Block {
  const out = ['## Risks']
  if (list.length === 0) return [...out, 'No risks came or went.']
  return [
    ...out,
    table(
      ['Change', 'Severity', 'Risk'],
      list.map((r) => [
        RISK_WORDS[r.change],
        `${r.before?.severity ?? '–'} → ${r.after?.severity ?? '–'}`,
        `${md((r.after ?? r.before)?.text ?? '')} (${code(r.id, true)})`,
      ]),
    ),
  ]
}

const BAND_NAMES: Record<Band, string> = { lean: 'Lean', moderate: 'Moderate', scaled: 'Scaled' }

function signed(cents: number): string {
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents)
}

function costs(diff: BriefDiff): Block {
  const out = ['## Cost bands']
  if (diff.costs.length === 0) return [...out, 'No band moved.']
  out.push(
    'US dollars; each change is the later revision minus the earlier one.',
    table(
      ['Band', '12 months before', '12 months after', 'Change'],
      diff.costs.map((c) => [
        BAND_NAMES[c.band],
        formatCents(c.before.total12Months),
        formatCents(c.after.total12Months),
        `**${signed(c.total12Months)}**`,
      ]),
      ['left', 'right', 'right', 'right'],
    ),
    '### Change by month',
    table(
      ['Month', ...diff.costs.map((c) => BAND_NAMES[c.band])],
      Array.from({ length: 12 }, (_, m) => [String(m + 1), ...diff.costs.map((c) => signed(c.monthly[m]))]),
      ['right', ...diff.costs.map(() => 'right' as const)],
    ),
  )
  return out
}

function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]) {
  const rule = head.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'))
  return [head, rule, ...rows].map((cells) => `| ${cells.map((c) => c || ' ').join(' | ')} |`).join('\n')
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n')
}
