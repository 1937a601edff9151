import { ANSWER_PATHS, type AnswerPath, type Answers, readAnswer } from '#app/engine/answers.ts'
import {
  BANDS,
  type Band,
  type Brief,
  type Condition,
  type Costs,
  type Decision,
  METRICS,
  type Trigger,
} from '#app/engine/brief.ts'
import { overrideSentence } from '#app/engine/overrides.ts'
import { type PictureNode, pictureOf } from '#app/engine/picture.ts'
import { basesSaidOnce, lineItemReference, splitSentences } from '#app/engine/said-once.ts'
import { GUIDE_TITLES } from '#app/vocabulary/names.ts'
import { autolink, code, linkUrl, md, mermaidLabel, mermaidText, oneLine } from './escape.ts'
import { NOTES_HEADING, type NoteInput, quotedMarkdown, renderedNotes } from './notes.ts'

/**
 * The brief as GitHub-flavoured Markdown: readable as plain text, rendered
 * with tables, task lists and Mermaid pictures where GitHub or GitLab show it.
 * Pure and deterministic: the same brief and answers give the same bytes.
 */

export interface MarkdownOptions {
  /** Address guide links start with, e.g. `https://stackbrief.example`; without it a guide is named, not linked. */
  guideBaseUrl?: string
  /** Who prepared the brief and who it is for: a line under the title when given. */
  preparedBy?: string
  preparedFor?: string
  /** A consultant's notes on sections of this revision, as typed: shown quoted, never as raw Markdown or HTML. */
  notes?: readonly NoteInput[]
}

export function renderMarkdown(brief: Brief, answers: Answers, options: MarkdownOptions = {}): string {
  const guide = guideLinker(options.guideBaseUrl)
  const blocks = [
    header(brief, answers, options),
    executiveBrief(brief),
    notes(options.notes ?? []),
    decisionTable(brief),
    decisionDetails(brief, guide),
    databaseRationale(brief, guide),
    costs(brief, answers),
    operations(brief),
    architecture(brief, answers),
    triggerTable(brief, guide),
    dayOne(brief, guide),
    deferred(brief),
    risks(brief),
    invalidations(brief),
    handoff(brief),
    appendix(answers, brief.executive !== undefined),
    rulesAppendix(brief),
  ]
  // An empty list renders as nothing rather than as a stray blank paragraph.
  return `${blocks.flat().filter(Boolean).join('\n\n')}\n`
}

type Block = string | string[]
type GuideLinker = (slug: string) => string

/** A file read outside the app has no `/guides/…` to go to: link only under a known address, else name the guide. */
function guideLinker(base: string | undefined): GuideLinker {
  const origin = (base ?? '').trim().replace(/\/+$/, '')
  return (slug) => {
    const title = GUIDE_TITLES[slug] ?? words(slug.replace(/-/g, '_'))
    return origin ? `[${md(title)}](${linkUrl(`${origin}/guides/${encodeURIComponent(slug)}`)})` : md(title)
  }
}

function header(brief: Brief, answers: Answers, options: MarkdownOptions): Block {
  const lines = [`# Architecture Decision Brief: ${md(brief.title)}`]
  const by = options.preparedBy?.trim()
  const to = options.preparedFor?.trim()
  if (by || to) lines.push(`${by ? `Prepared by ${md(by)}` : 'Prepared'}${to ? ` for ${md(to)}` : ''}.`)
  if (answers.product.summary) lines.push(`> ${md(answers.product.summary)}`)
  if (!brief.executive) lines.push(md(brief.summary))
  lines.push(
    `Engine ${code(brief.engineVersion)} · catalog ${code(brief.catalogVersion)} · prices as of ${md(brief.costs.pricesAsOf)}`,
  )
  return lines
}

/** The consultant's notes, each under the section it is about; every line escaped so no HTML or Markdown in a note takes effect. */
function notes(list: readonly NoteInput[]): Block {
  if (list.length === 0) return []
  return [`## ${NOTES_HEADING}`, ...renderedNotes(list).map((n) => `**${md(n.label)}:**\n\n${quotedMarkdown(n)}`)]
}

function decisionTable(brief: Brief): Block {
  const inStack = new Set(brief.executive?.stack.map((s) => s.area) ?? [])
  const rest = brief.decisions.filter((d) => !inStack.has(d.area))
  if (rest.length === 0) return []
  return [
    '## Decisions',
    ...(brief.executive ? ['The stack above holds the choices this case moved; these are the other areas.'] : []),
    table(
      ['Area', 'Choice', 'Status', 'Reason'],
      rest.map((d) => [
        md(d.title),
        md(d.override ? `${d.choice.name} (decided by ${d.override.by})` : d.choice.name),
        STATUS_WORDS[d.status],
        md(overrideSentence(d) ?? firstSentence(d.because[0]?.text ?? '')),
      ]),
    ),
  ]
}

const STATUS_WORDS: Record<Decision['status'], string> = {
  adopt: 'Adopt',
  trial: 'Trial',
  defer: 'Defer',
  avoid: 'Avoid',
  not_applicable: 'Not needed',
}
const STATUS_IN_HEADING: Record<Decision['status'], string> = {
  adopt: 'adopted',
  trial: 'on trial',
  defer: 'deferred',
  avoid: 'avoided',
  not_applicable: 'not needed',
}
const TRIGGER_STATUS_WORDS: Record<Trigger['status'], string> = {
  ok: 'OK',
  approaching: 'Approaching',
  fired: '**Fired**',
}

function decisionDetails(brief: Brief, guide: GuideLinker): Block {
  const triggers = new Map(brief.triggers.map((t) => [t.id, t]))
  const out: string[] = ['## Decisions in detail']
  const mechanicsApart = brief.executive !== undefined
  const said = saidAbove(brief)
  for (const d of brief.decisions) {
    // Areas the plan does not need are said once, in the decisions table.
    if (mechanicsApart && d.status === 'not_applicable') continue
    if (!mechanicsApart) {
      out.push(`### ${md(d.title)}: ${md(d.choice.name)}`)
      out.push(`Status: ${STATUS_WORDS[d.status]} · choice ${code(d.choice.id)} · guide: ${guide(d.guide)}`)
    } else {
      const status = d.status === 'adopt' ? '' : ` (${STATUS_IN_HEADING[d.status]})`
      out.push(`### ${md(d.title)}: ${md(d.choice.name)}${status}`, `Guide: ${guide(d.guide)}.`)
    }
    const why = (b: Brief['decisions'][number]['because'][number]) => (mechanicsApart ? md(b.text) : reason(b))
    if (d.override) {
      out.push(`**${md(overrideSentence(d) ?? '')}**`)
      out.push(
        `Why the engine recommended ${md(d.override.recommended.name)}:`,
        bullets(d.override.recommendedBecause.map(why)),
      )
    } else if (mechanicsApart) {
      // A sentence the executive brief or the decisions table already gave is not given again.
      const rest = d.because.map((b) => sayOnce(b.text, said)).filter(Boolean)
      out.push(rest.length > 0 ? bullets(rest.map(md)) : 'The reason is in the table above.')
    } else out.push('Why:', bullets(d.because.map(why)))
    if (d.alternatives.length > 0) {
      out.push(
        'Alternatives considered:',
        bullets(
          d.alternatives.map((a) =>
            mechanicsApart
              ? `**${md(a.name)}**: ${md(sayOnce(a.whyNot, said) || 'for the reason given above.')}`
              : `**${md(a.name)}** (${code(a.id)}): ${md(a.whyNot)}`,
          ),
        ),
      )
    }
    if (d.revisitWhen.length > 0) {
      out.push(
        mechanicsApart
          ? `Revisit when ${joinList(
              d.revisitWhen.map((id) => triggerName(id, triggers.get(id))),
              'or',
            )} fires.`
          : 'Revisit when:',
      )
      if (!mechanicsApart) out.push(bullets(d.revisitWhen.map((id) => triggerLine(id, triggers.get(id)))))
    }
  }
  return out
}

/** The sentences the executive brief's stack table and the decisions table already gave, each to be said once. */
function saidAbove(brief: Brief): Set<string> {
  const said = new Set<string>()
  for (const s of brief.executive?.stack ?? []) said.add(s.reason)
  const inStack = new Set(brief.executive?.stack.map((s) => s.area) ?? [])
  for (const d of brief.decisions) if (!inStack.has(d.area)) said.add(firstSentence(d.because[0]?.text ?? ''))
  return said
}

/** `text` without the sentences already in `said`, whose set then holds the rest too; empty when nothing is left. */
function sayOnce(text: string, said: Set<string>): string {
  const fresh = splitSentences(text).filter((s) => !said.has(s))
  for (const s of fresh) said.add(s)
  return fresh.join(' ')
}

function reason(b: Brief['decisions'][number]['because'][number]): string {
  const read = b.inputs.length > 0 ? ` (reads ${b.inputs.map((p) => code(p)).join(', ')})` : ''
  return `${code(b.rule)}${read}: ${md(b.text)}`
}

/** A trigger referred to by its name; its condition and step live in the trigger table. */
function triggerName(id: string, t: Trigger | undefined): string {
  return t ? `“${md(t.title)}”` : code(id)
}

function joinList(items: readonly string[], conjunction = 'and'): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}

function triggerLine(id: string, t: Trigger | undefined): string {
  if (!t) return code(id)
  return `${code(id)}: ${condition(t)}. ${md(t.action)}`
}

const condition = (c: Condition | Trigger) => conditionWords(c, md)

/** A trigger's condition in words, each condition it also requires joined by "and"; `safe` makes text safe for the format. */
export function conditionWords(c: Condition | Trigger, safe: (text: string) => string): string {
  const main = `${safe(METRICS[c.metric].label)} ${c.comparator} ${quantityWords(c.threshold, c.unit, safe)}`
  const also =
    'alsoRequires' in c ? c.alsoRequires.map((x) => ` and ${lowerFirst(conditionWords(x, safe))}`).join('') : ''
  return `${main}${also}`
}

/** A threshold or a measure with its unit: "12%", "$1,200 a month", "300 requests/s". */
export function quantityWords(value: number, unit: string, safe: (text: string) => string): string {
  if (unit === '%') return `${formatNumber(value)}%`
  if (unit === 'USD/month') return `${formatCents(Math.round(value * 100))} a month`
  return `${formatNumber(value)} ${safe(unit)}`
}

function databaseRationale(brief: Brief, guide: GuideLinker): Block {
  const r = brief.databaseRationale
  const out: string[] = ['## Database rationale']
  if (r.options.length === 0) return [...out, 'No options were scored.']
  const criteria = r.criteria
  // The criteria are the same for every brief: with an executive brief the guide explains them.
  if (brief.executive)
    out.push(`Each option is scored 1 to 5 on the criteria the guide ${guide('databases')} explains.`)
  else if (criteria.length > 0) out.push(bullets(criteria.map((c) => `**${md(c.name)}**: ${md(c.question)}`)))
  out.push(
    table(
      ['Option', ...criteria.map((c) => md(c.name)), 'Total'],
      r.options.map((o) => [
        o.id === r.chosen ? `**${md(o.name)}** (chosen)` : md(o.name),
        ...criteria.map((c) => {
          const s = o.scores.find((x) => x.criterion === c.id)
          return s ? `${s.score}/5` : '–'
        }),
        String(o.total),
      ]),
      ['left', ...criteria.map(() => 'right' as const), 'right'],
    ),
  )
  const names = new Map(criteria.map((c) => [c.id, c.name]))
  const scoreLines = (o: (typeof r.options)[number]) =>
    bullets(o.scores.map((s) => `${md(names.get(s.criterion) ?? words(s.criterion))}, ${s.score}/5: ${md(s.text)}`))
  if (brief.executive) {
    // The scores of the options not chosen stand in the table; only the choice is argued line by line.
    const chosen = r.options.find((o) => o.id === r.chosen)
    if (chosen)
      out.push(`**${md(chosen.name)}** (chosen): ${md(chosen.verdict.replace(/^Chosen: /, ''))}`, scoreLines(chosen))
    const others = r.options.filter((o) => o.id !== r.chosen)
    if (others.length > 0) out.push(bullets(others.map((o) => `**${md(o.name)}**: ${md(o.verdict)}`)))
  } else {
    for (const o of r.options)
      out.push(`### ${md(o.name)}${o.id === r.chosen ? ' (chosen)' : ''}`, md(o.verdict), scoreLines(o))
  }
  if (r.because.length > 0) out.push('Why:', bullets(r.because.map((b) => (brief.executive ? md(b.text) : reason(b)))))
  return out
}

const BAND_NAMES: Record<Band, string> = { lean: 'Lean', moderate: 'Moderate', scaled: 'Scaled' }
// Colours of the chart lines, in band order, so the legend under the chart can name them.
const BAND_COLOURS: Record<Band, [string, string]> = {
  lean: ['#2e7d32', 'green'],
  moderate: ['#f9a825', 'amber'],
  scaled: ['#c62828', 'red'],
}

function costs(brief: Brief, answers: Answers): Block {
  const c = brief.costs
  // With an executive brief the usage curve is said once, in the assumptions, and the chart's figures once, in the table.
  const once = brief.executive !== undefined
  const usage = once ? '' : ` Usage: ${md(endSentence(c.usage.curve))}`
  const out: string[] = [
    '## Cost bands',
    `Monthly infrastructure cost in US dollars for the first twelve months, in three bands, at prices as of ${md(c.pricesAsOf)}.${usage} Stated budget: ${formatCents(Math.round(answers.budget.monthlyInfraUsd * 100))} a month.`,
    table(
      ['Month', 'Active users', ...BANDS.map((b) => BAND_NAMES[b])],
      [
        ...c.bands.lean.monthly.map((_, m) => [
          String(m + 1),
          formatNumber(c.usage.activeUsers[m] ?? 0),
          ...BANDS.map((b) => formatCents(c.bands[b].monthly[m])),
        ]),
        ['**12 months**', '', ...BANDS.map((b) => `**${formatCents(c.bands[b].total12Months)}**`)],
      ],
      ['right', 'right', 'right', 'right', 'right'],
    ),
    ...(once
      ? []
      : [
          costChart(brief),
          `The chart draws one line per band: ${BANDS.map((b) => `${BAND_NAMES[b].toLowerCase()} in ${BAND_COLOURS[b][1]}`).join(', ')}.`,
        ]),
    '### Line items',
  ]
  const bases = once ? basesSaidOnceMd(c.lineItems) : new Map<Costs['lineItems'][number], string>()
  if (c.lineItems.length === 0) out.push('No line items.')
  else {
    out.push(
      table(
        [
          'Component',
          'Area',
          'Lean, month 12',
          'Moderate, month 12',
          'Scaled, month 12',
          'Moderate, 12 months',
          'Basis',
        ],
        c.lineItems.map((item) => [
          md(item.name),
          code(item.area, true),
          formatCents(item.bands.lean[11]),
          formatCents(item.bands.moderate[11]),
          formatCents(item.bands.scaled[11]),
          formatCents(item.bands.moderate.reduce((sum, x) => sum + x, 0)),
          bases.get(item) ?? md(item.basis),
        ]),
        ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
      ),
    )
    out.push(
      'Price sources:',
      sourceList(
        c.lineItems.flatMap((item) => item.sources.map((s) => ({ what: item.name, s }))),
        once,
      ),
    )
  }
  out.push('### Assumptions', c.assumptions.length > 0 ? bullets(c.assumptions.map(md)) : 'None stated.')
  out.push('### Transaction fees')
  // The assumptions already say why fees stand apart from the bands.
  if (!once)
    out.push(
      'Payment processing takes a share of revenue rather than adding to the infrastructure bill, so it is shown apart from the bands.',
    )
  if (c.transactionFees.length === 0) out.push('No payment processor in this brief.')
  else {
    out.push(
      table(
        ['Provider', 'Per $1,000 processed', 'Notes'],
        c.transactionFees.map((f) => [md(f.name), formatCents(f.per1000ProcessedCents), md(f.text)]),
        ['left', 'right', 'left'],
      ),
    )
    out.push(
      'Fee sources:',
      sourceList(
        c.transactionFees.flatMap((f) => f.sources.map((s) => ({ what: f.name, s }))),
        once,
      ),
    )
  }
  return out.filter(Boolean)
}

type Source = { url: string; asOf: string; estimate: boolean }

/** One line per source; with `grouped`, a page that prices several items is listed once with all of them. */
function sourceList(sources: readonly { what: string; s: Source }[], grouped: boolean): string {
  if (sources.length === 0) return ''
  if (!grouped) return bullets(unique(sources.map(({ what, s }) => sourceLine(what, s))))
  const byPage = new Map<string, { s: Source; what: string[] }>()
  for (const { what, s } of sources) {
    const key = `${s.url} ${s.asOf} ${s.estimate}`
    const entry = byPage.get(key) ?? { s, what: [] }
    if (!entry.what.includes(what)) entry.what.push(what)
    byPage.set(key, entry)
  }
  return bullets(
    [...byPage.values()].map(
      ({ s, what }) =>
        `${autolink(s.url)}, as of ${md(s.asOf)}${s.estimate ? ' (estimate)' : ''}: ${joinList(what.map(md))}`,
    ),
  )
}

function sourceLine(what: string, s: Source): string {
  return `${md(what)}: ${autolink(s.url)}, as of ${md(s.asOf)}${s.estimate ? ' (estimate)' : ''}`
}

/** Each line item's basis with the price sentences an earlier line gave replaced by a reference to that line. */
function basesSaidOnceMd(items: Costs['lineItems']): Map<Costs['lineItems'][number], string> {
  const name = (item: Costs['lineItems'][number]) => {
    const ref = lineItemReference(item, items)
    return 'name' in ref ? md(ref.name) : `${ref.first ? 'first ' : ''}${code(ref.area)}`
  }
  const out = new Map<Costs['lineItems'][number], string>()
  for (const [item, { pricedAs, rest }] of basesSaidOnce(items)) {
    const reference =
      pricedAs.length > 0 ? `Priced as the ${joinList(pricedAs.map(name))} line${pricedAs.length > 1 ? 's' : ''}.` : ''
    out.set(item, [reference, ...rest.map(md)].filter(Boolean).join(' '))
  }
  return out
}

function costChart(brief: Brief): string {
  const bands = brief.costs.bands
  const dollars = BANDS.map((b) => bands[b].monthly.map(chartDollars))
  const top = niceCeiling(Math.max(0, ...BANDS.flatMap((b) => bands[b].monthly)) / 100)
  const palette = BANDS.map((b) => BAND_COLOURS[b][0]).join(', ')
  return fence('mermaid', [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    `  title "${mermaidText(`Monthly infrastructure cost: ${brief.title}`)}"`,
    `  x-axis "Month" [${brief.costs.bands.lean.monthly.map((_, m) => m + 1).join(', ')}]`,
    `  y-axis "US dollars a month" 0 --> ${top}`,
    ...dollars.map((series) => `  line [${series.join(', ')}]`),
  ])
}

function chartDollars(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)
}

/** The next round figure above `value`, so the axis ends on a readable number. */
function niceCeiling(value: number): number {
  if (value <= 0) return 10
  const step = 10 ** Math.floor(Math.log10(value))
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (value <= m * step) return m * step
  }
  return 10 * step
}

const CLIENT_LABELS: Record<Answers['product']['clients'][number], string> = {
  web: 'Web browser',
  mobile: 'Mobile app',
  public_api: 'Public API clients',
  partner_integrations: 'Partner integrations',
}

function architecture(brief: Brief, answers: Answers): Block {
  const picture = pictureOf(brief)
  const nodes: string[] = []
  const edges: string[] = []
  const later: string[] = []
  const id = (key: string) => `c_${key}`
  const label = (n: PictureNode) =>
    multiline([n.title, n.name, n.size, ...(n.fromMonth > 1 ? [`from month ${n.fromMonth}`] : [])])
  for (const client of answers.product.clients) nodes.push(`  client_${client}[${mermaidLabel(CLIENT_LABELS[client])}]`)
  for (const region of picture.regions) {
    nodes.push(`  subgraph region_${region.region} [${mermaidLabel(`Deploy in ${region.label}`)}]`)
    const byComponent = new Map([...region.deploy, ...region.data].map((n) => [n.component, n]))
    for (const n of region.deploy) nodes.push(`    ${id(n.key)}[${label(n)}]`)
    for (const n of region.data) nodes.push(`    ${id(n.key)}[(${label(n)})]`)
    nodes.push('  end')
    for (const n of [...region.deploy, ...region.data]) if (n.fromMonth > 1) later.push(id(n.key))
    const app = byComponent.get('app')
    const entry = byComponent.get('load_balancer') ?? app
    const db = byComponent.get('database')
    if (entry) for (const client of answers.product.clients) edges.push(`  client_${client} --> ${id(entry.key)}`)
    if (entry && app && entry !== app) edges.push(`  ${id(entry.key)} --> ${id(app.key)}`)
    for (const n of [...region.deploy, ...region.data]) {
      if (!app || n === app || n.component === 'load_balancer') continue
      if (
        n.component === 'database' ||
        region.data.includes(n) ||
        n.component === 'realtime' ||
        n.component === 'first_service' ||
        n.component === 'search_engine'
      ) {
        edges.push(`  ${id(app.key)} ${n.fromMonth > 1 ? '-.->' : '-->'} ${id(n.key)}`)
      }
    }
    for (const n of region.deploy) {
      if (db && (n.component === 'worker' || n.component === 'ingestion'))
        edges.push(`  ${id(n.key)} --> ${id(db.key)}`)
    }
  }
  const firstApp = picture.regions.flatMap((r) => r.deploy).find((n) => n.component === 'app')
  for (const n of picture.services) {
    nodes.push(`  ${id(n.key)}([${label(n)}])`)
    if (firstApp) edges.push(`  ${id(firstApp.key)} ${n.fromMonth > 1 ? '-.->' : '-->'} ${id(n.key)}`)
    if (n.fromMonth > 1) later.push(id(n.key))
  }
  const lines = ['flowchart LR', ...nodes, ...edges]
  if (later.length > 0) lines.push('  classDef later stroke-dasharray: 5 5', `  class ${later.join(',')} later`)
  return [
    '## Architecture',
    `Every component of the plan, drawn once per region it runs in (${picture.regions.map((r) => r.label).join(', ')}), with its moderate-band size. Dashed boxes join the plan in a later month, when their trigger fires.`,
    fence('mermaid', lines),
  ]
}

function multiline(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join('<br>')}"`
}

function triggerTable(brief: Brief, guide: GuideLinker): Block {
  const out = ['## Migration triggers']
  if (brief.triggers.length === 0) return [...out, 'No triggers.']
  if (brief.executive) {
    return [
      ...out,
      `Each trigger is judged against the answers' 12-month figures; measured signals replace those figures later. Guide: ${guide('migration-triggers')}.`,
      table(
        ['Trigger', 'Condition', '12-month figure', 'Status', 'Step'],
        brief.triggers.map((t) => [
          `${md(t.title)} (${code(t.id, true)})`,
          condition(t),
          t.observed === null ? 'measure' : formatNumber(t.observed),
          TRIGGER_STATUS_WORDS[t.status],
          md(t.action),
        ]),
        ['left', 'left', 'right', 'left', 'left'],
      ),
    ]
  }
  out.push(
    `Each trigger is judged against the answers' 12-month figures; measured signals replace those figures later. Guide: ${guide('migration-triggers')}.`,
    table(
      ['Trigger', 'Metric', 'Comparator', 'Threshold', 'Unit', 'Also requires', '12-month figure', 'Status', 'Action'],
      brief.triggers.map((t) => [
        `${md(t.title)} (${code(t.id, true)})`,
        md(METRICS[t.metric].label),
        code(t.comparator, true),
        formatNumber(t.threshold),
        md(t.unit),
        t.alsoRequires.map((c) => condition(c)).join('; ') || '–',
        t.observed === null ? 'measure' : formatNumber(t.observed),
        TRIGGER_STATUS_WORDS[t.status],
        md(t.action),
      ]),
      ['left', 'left', 'left', 'right', 'left', 'left', 'right', 'left', 'left'],
    ),
  )
  return out
}

function dayOne(brief: Brief, guide: GuideLinker): Block {
  const out = ['## Day one']
  if (brief.dayOne.length === 0) return [...out, 'Nothing listed.']
  // With an executive brief the guide most items share is named once; an item from another guide names its own.
  const shared = brief.executive ? 'day-one' : undefined
  if (shared) out.push(`Guide: ${guide(shared)}, unless an item names another.`)
  for (const item of brief.dayOne) {
    out.push(`### ${md(item.title)}`, item.actions.map((a) => `- [ ] ${md(a)}`).join('\n'))
    if (item.guide !== shared) out.push(`Guide: ${guide(item.guide)}`)
  }
  return out
}

function deferred(brief: Brief): Block {
  const out = ['## Deferred']
  if (brief.deferred.length === 0) return [...out, 'Nothing deferred.']
  const triggers = new Map(brief.triggers.map((t) => [t.id, t]))
  return [
    ...out,
    bullets(
      brief.deferred.map((d) => {
        const t = triggers.get(d.until)
        if (brief.executive) return `**${md(d.what)}**, until ${triggerName(d.until, t)} fires.`
        return `**${md(d.what)}**, until ${t ? `${lowerFirst(condition(t))} (${code(d.until)})` : code(d.until)}. ${md(d.because[0]?.text ?? '')}`.trimEnd()
      }),
    ),
  ]
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const

function risks(brief: Brief): Block {
  const out = ['## Risks']
  if (brief.risks.length === 0) return [...out, 'No risks listed.']
  const sorted = [...brief.risks]
    .filter((r) => !brief.executive || r.kind === 'risk')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
  return [
    ...out,
    table(
      ['Severity', 'Risk', 'Mitigation'],
      sorted.map((r) => [r.severity === 'high' ? '**High**' : words(r.severity), md(r.text), md(r.mitigation)]),
    ),
  ]
}

/** A stack row's choice, marked when it is on trial, and with whose word it is when a person overrode the engine. */
function stackChoice(s: NonNullable<Brief['executive']>['stack'][number]): string {
  const marks = [...(s.status === 'trial' ? ['trial'] : []), ...(s.decidedBy ? [`decided by ${s.decidedBy}`] : [])]
  return `${md(s.choice)}${marks.length > 0 ? ` (${md(marks.join(', '))})` : ''}`
}

const BAND_WORDS: Record<Band, string> = { lean: 'Lean', moderate: 'Moderate', scaled: 'Scaled' }

/**
 * The line above the first page's risks, counting what the sections below
 * show: the Risks table holds the risks, "What would make this plan wrong"
 * the invalidations.
 */
export function topRisksLead(shown: number, all: readonly Brief['risks'][number][]): string {
  const total = all.length
  if (shown === total) return shown === 1 ? 'The one risk:' : `All ${shown} risks:`
  const invalidations = all.filter((r) => r.kind === 'invalidation').length
  const where =
    invalidations > 0
      ? ` (${total - invalidations} under Risks, ${invalidations} under What would make this plan wrong)`
      : ''
  return `Top ${shown} of ${total} risks${where}:`
}

/** The first page: the product, the stack with one reason each, month-12 cost, top risks, nearest triggers, first steps. */
function executiveBrief(brief: Brief): Block {
  const e = brief.executive
  if (!e) return []
  return [
    '## Executive brief',
    md(e.product),
    table(
      ['Area', 'Choice', 'Why, for this case'],
      e.stack.map((s) => [md(s.title), stackChoice(s), md(s.reason)]),
    ),
    ...(e.settled && e.settled.length > 0
      ? [`Also settled, as for most first products: ${e.settled.map((s) => md(s.choice)).join('; ')}.`]
      : []),
    `Month-12 cost against a budget of ${formatCents(e.budgetMonthly)} a month, payment fees aside:`,
    table(
      ['Band', 'Month 12', '12 months', 'What it buys'],
      e.costs.map((c) => [BAND_WORDS[c.band], formatCents(c.month12), formatCents(c.total12Months), md(c.buys)]),
      ['left', 'right', 'right', 'left'],
    ),
    e.risks.length === 0
      ? 'No risks stand out.'
      : [
          topRisksLead(e.risks.length, brief.risks),
          e.risks
            .map((r, i) => `${i + 1}. ${r.severity === 'high' ? '**High**' : words(r.severity)}: ${md(r.text)}`)
            .join('\n'),
        ].join('\n\n'),
    e.triggers.length === 0
      ? 'No migration trigger is near at the 12-month figures.'
      : `Nearest triggers: ${joinList(
          e.triggers.map(
            (t) =>
              `“${md(t.title)}” (${t.firesInMonth === null ? lowerFirst(TRIGGER_STATUS_WORDS[t.status]) : `fires in month ${t.firesInMonth}`})`,
          ),
        )}.`,
    `First steps: ${e.firstSteps.map((s, i) => `${i + 1}. ${md(s.title)}`).join('; ')}.`,
  ]
}

function operations(brief: Brief): Block {
  const o = brief.operations
  if (!o) return []
  const figures = `${o.uptimeTarget}% uptime, service back within ${formatNumber(o.restoreWithinHours)} hours of losing the database (restore time), at most ${formatNumber(o.maxDataLossMinutes)} minutes of writes lost (data loss)`
  return [
    '## Operational assumptions',
    o.stated
      ? `Targets from the answers: ${figures}.`
      : `No targets were given; these are the defaults the plan assumes: ${figures}.`,
    bullets([
      `**Uptime**: ${md(o.uptime)}`,
      `**Backups and restore drill**: ${md(o.backups)}`,
      `**On call**: ${md(o.onCall)}`,
    ]),
  ]
}

function invalidations(brief: Brief): Block {
  if (!brief.executive) return []
  const found = brief.risks.filter((r) => r.kind === 'invalidation')
  const out = ['## What would make this plan wrong']
  if (found.length === 0) return [...out, 'No single figure in the answers holds the plan up.']
  return [...out, bullets(found.map((r) => `${md(r.text)} ${md(r.mitigation)}`))]
}

/** Rule mechanics, apart from the prose: which rule decided each entry and which answers it read. */
function rulesAppendix(brief: Brief): Block {
  if (!brief.executive) return []
  const rows: string[][] = []
  const add = (where: string, because: readonly Brief['decisions'][number]['because'][number][]) => {
    if (because.length === 0) return
    const inputs = unique(because.flatMap((b) => b.inputs))
    rows.push([
      md(where),
      unique(because.map((b) => b.rule))
        .map((r) => code(r, true))
        .join(', '),
      inputs.map((p) => code(p, true)).join(', ') || '–',
    ])
  }
  for (const d of brief.decisions) add(d.title, d.because)
  add('Database rationale', brief.databaseRationale.because)
  for (const item of brief.dayOne) add(item.title, item.because)
  for (const d of brief.deferred) add(d.what, d.because)
  for (const r of brief.risks) add(r.id.replace(/_/g, ' '), r.because)
  if (brief.operations) add('Operational assumptions', brief.operations.because)
  return ['## Appendix: rules and the answers they read', table(['Entry', 'Rule', 'Answers read'], rows)]
}

function handoff(brief: Brief): Block {
  const out = ['## Handoff']
  if (brief.handoff.length === 0) return [...out, 'No steps listed.']
  return [...out, brief.handoff.map((step, i) => `${i + 1}. ${md(step)}`).join('\n')]
}

const FREE_TEXT: ReadonlySet<AnswerPath> = new Set(['product.name', 'product.summary'])

function appendix(answers: Answers, notGivenApart: boolean): Block {
  // Overrides are listed only when there are some, so a brief without them reads as it always did.
  const paths = ANSWER_PATHS.filter((path) => path !== 'overrides' || (answers.overrides?.length ?? 0) > 0)
  const given = (path: AnswerPath) => answerInWords(path, readAnswer(answers, path)) !== 'not given'
  const rows = notGivenApart ? paths.filter(given) : paths
  const notGiven = notGivenApart ? paths.filter((path) => !given(path)) : []
  return [
    '## Appendix: answers',
    table(
      ['Answer', 'Value'],
      rows.map((path) => [code(path, true), answerInWords(path, readAnswer(answers, path))]),
    ),
    ...(notGiven.length > 0
      ? [`Not given, so the brief states its defaults or estimates: ${notGiven.map((p) => code(p)).join(', ')}.`]
      : []),
  ]
}

function answerInWords(path: AnswerPath, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'not given'
  if (path === 'budget.monthlyInfraUsd' && typeof value === 'number')
    return `${formatCents(Math.round(value * 100))} a month`
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') return formatNumber(value)
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => md(words(String(v)))).join(', ')
  if (typeof value === 'string') return md(FREE_TEXT.has(path) ? value : words(value))
  return md(String(value))
}

function endSentence(text: string): string {
  const t = oneLine(text)
  return /[.!?]$/.test(t) ? t : `${t}.`
}

export function lowerFirst(text: string): string {
  return text.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase())
}

/** The opening sentence, for a table cell that should stay one short line; the details keep the rest. */
function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? ''
}

/** A vocabulary id in words: `read_heavy` → `read heavy`. */
function words(id: string): string {
  return id.replace(/_/g, ' ')
}

function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]) {
  const rule = head.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'))
  return [head, rule, ...rows].map((cells) => `| ${cells.map((c) => c || ' ').join(' | ')} |`).join('\n')
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n')
}

function fence(lang: string, lines: readonly string[]): string {
  return [`\`\`\`${lang}`, ...lines, '```'].join('\n')
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

/** Integer cents as dollars: `$1,234`, `$12.50`, `-$3`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.round(cents))
  const dollars = Math.floor(abs / 100)
  const rest = abs % 100
  return `${sign}$${group(String(dollars))}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`
}

/** A number with thousands separators: `10,000`, `2.5`. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const [whole, fraction] = String(Math.abs(n)).split('.')
  return `${n < 0 ? '-' : ''}${group(whole)}${fraction ? `.${fraction}` : ''}`
}

function group(digits: string): string {
  return /e/i.test(digits) ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
