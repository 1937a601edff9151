import type { Content, ContentText, TableCell } from 'pdfmake/interfaces'
import { ANSWER_PATHS, type Answers, readAnswer } from '#app/engine/answers.ts'
import {
  BANDS,
  type Because,
  type Brief,
  type Condition,
  type Decision,
  type LineItem,
  METRICS,
  type Trigger,
} from '#app/engine/brief.ts'
import { overrideSentence } from '#app/engine/overrides.ts'
import { conditionWords, formatCents, formatNumber, lowerFirst, quantityWords } from '#app/export/markdown.ts'
import { NOTES_HEADING, type NoteInput, renderedNotes } from '#app/export/notes.ts'
import { ANSWER_LABELS, guideTitle } from '#app/vocabulary/answer-labels.ts'
import { architectureFigure } from './architecture.ts'
import { BAND_NAMES, costChart } from './chart.ts'
import { executive, invalidations, operations } from './executive.ts'
import {
  ACCENT,
  ACCENT_SOFT,
  badge,
  bullets,
  clean,
  INK_SOFT,
  keepTogether,
  MUTED,
  RULE_STRONG,
  rowWithNote,
  sectionHeading,
  type TableColumn,
  table,
} from './theme.ts'

/**
 * The body of the brief, section by section, in the Markdown export's order:
 * summary, decisions, decisions in detail, database rationale, cost bands,
 * architecture, migration triggers, day one, deferred, risks, handoff and the
 * answers appendix. Every string a person typed goes through `clean`.
 */

export interface BodyContext {
  brief: Brief
  answers: Answers
  /** Width of the text block in points, for the chart and the architecture figure. */
  width: number
  guide: (slug: string) => ContentText
  notes?: readonly NoteInput[]
}

export function body(ctx: BodyContext): Content[] {
  return [
    ctx.brief.executive ? executive(ctx) : summary(ctx),
    notes(ctx),
    decisionTable(ctx),
    decisionDetails(ctx),
    databaseRationale(ctx),
    costs(ctx),
    operations(ctx),
    architecture(ctx),
    triggerTable(ctx),
    dayOne(ctx),
    deferred(ctx),
    risks(ctx),
    invalidations(ctx),
    handoff(ctx),
    appendix(ctx),
    rulesAppendix(ctx),
  ].flat()
}

/** A guide link under the export's base URL; without one the guide is named, since a PDF has no `/guides/…`. */
export function guideLinker(base: string | undefined): (slug: string) => ContentText {
  const origin = clean(base).replace(/\/+$/, '')
  return (slug) =>
    origin
      ? { text: guideTitle(slug), link: `${origin}/guides/${encodeURIComponent(slug)}`, style: 'link' }
      : { text: guideTitle(slug) }
}

const STATUS_WORDS: Record<Decision['status'], string> = {
  adopt: 'Adopt',
  trial: 'Trial',
  defer: 'Defer',
  avoid: 'Avoid',
  not_applicable: 'Not needed',
}
const TRIGGER_STATUS_WORDS: Record<Trigger['status'], string> = { ok: 'OK', approaching: 'Approaching', fired: 'Fired' }
const SEVERITY_WORDS = { high: 'High', medium: 'Medium', low: 'Low' } as const
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const

function summary({ brief, answers }: BodyContext): Content[] {
  const c = brief.costs
  const counts = (status: Decision['status']) => brief.decisions.filter((d) => d.status === status).length
  const fired = brief.triggers.filter((t) => t.status === 'fired').length
  const approaching = brief.triggers.filter((t) => t.status === 'approaching').length
  const figure = (value: string, label: string): Content => ({
    stack: [
      { text: value, fontSize: 14, bold: true, color: ACCENT },
      { text: label, fontSize: 7.5, color: MUTED },
    ],
  })
  return [
    sectionHeading('summary', 'Summary', true),
    answers.product.summary
      ? {
          table: { widths: ['*'], body: [[{ text: clean(answers.product.summary), style: 'lede' }]] },
          layout: {
            hLineWidth: () => 0,
            vLineWidth: (i) => (i === 0 ? 2.5 : 0),
            vLineColor: () => ACCENT,
            paddingLeft: () => 10,
            paddingTop: () => 2,
            paddingBottom: () => 2,
          },
          margin: [0, 0, 0, 10],
        }
      : [],
    { text: clean(brief.summary), margin: [0, 0, 0, 12] },
    {
      table: {
        widths: ['*', '*', '*', '*'],
        body: [
          [
            figure(`${counts('adopt')} / ${counts('defer')}`, 'decisions adopted now / deferred'),
            ...BANDS.filter((b) => b !== 'moderate').map((b) =>
              figure(formatCents(c.bands[b].monthly[11] ?? 0), `${BAND_NAMES[b].toLowerCase()} band, month 12`),
            ),
            figure(`${fired} / ${approaching}`, 'triggers fired / approaching'),
          ],
        ],
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        fillColor: () => ACCENT_SOFT,
        paddingLeft: () => 8,
        paddingTop: () => 6,
        paddingBottom: () => 6,
      },
      margin: [0, 0, 0, 10],
    },
    {
      text: `Engine ${clean(brief.engineVersion)} · catalog ${clean(brief.catalogVersion)} · prices as of ${clean(c.pricesAsOf)}`,
      style: 'small',
      margin: [0, 0, 0, 14],
    },
  ]
}

function decisionTable({ brief }: BodyContext): Content[] {
  // With an executive brief, its stack table holds the adopted choices; this table holds the other areas.
  const inStack = new Set(brief.executive?.stack.map((s) => s.area) ?? [])
  const rows = brief.decisions.filter((d) => !inStack.has(d.area))
  if (rows.length === 0) return []
  return [
    keepTogether(
      sectionHeading('decisions', 'Decisions'),
      leadIn(
        brief.executive
          ? 'The executive brief holds every adopted choice; these are the other areas.'
          : 'One line per area of the stack; the choice links to its reasons, alternatives and triggers.',
      ),
    ),
    table(
      [
        { title: 'Area', width: 82 },
        { title: 'Choice', width: 112 },
        { title: 'Status', width: 42 },
        { title: 'Reason', width: '*' },
      ],
      rows.map((d) => [
        { text: clean(d.title), style: 'td', bold: true },
        { text: clean(d.choice.name), style: 'td', color: ACCENT, linkToDestination: `decision-${d.area}` },
        badge(d.status, STATUS_WORDS[d.status]),
        { text: clean(overrideSentence(d)) || firstSentence(clean(d.because[0]?.text)), style: 'td' },
      ]),
    ),
  ]
}

function decisionDetails({ brief, guide }: BodyContext): Content[] {
  const triggers = new Map(brief.triggers.map((t) => [t.id, t]))
  const out: Content[] = [sectionHeading('decisions-in-detail', 'Decisions in detail', true)]
  // With an executive brief, rule ids go to the Markdown appendix and the web page's folded one, and a trigger's step stays in the trigger table.
  const apart = brief.executive !== undefined
  const reason = (b: Because): Content => (apart ? clean(b.text) : reasonWithRule(b))
  const revisit = (id: string): Content => {
    const t = triggers.get(id)
    return apart && t ? { text: `${clean(t.title)} (see Migration triggers)` } : triggerLine(id, t)
  }
  for (const d of brief.decisions) {
    // An overridden decision shows the person's word first and keeps the recommendation's reasons under it.
    const [first, ...rest] = d.override?.recommendedBecause ?? d.because
    const decided = overrideSentence(d)
    out.push(
      keepTogether(
        {
          text: `${clean(d.title)}: ${clean(d.choice.name)}`,
          style: 'h2',
          id: `decision-${d.area}`,
          tocItem: true,
          tocStyle: 'tocSub',
          tocMargin: [14, 0, 0, 0],
          outline: true,
          outlineParentId: 'decisions-in-detail',
        },
        {
          text: [
            badge(d.status, STATUS_WORDS[d.status]),
            { text: apart ? '   guide: ' : `   choice ${clean(d.choice.id)}   ·   guide: `, color: MUTED, fontSize: 8 },
            { ...guide(d.guide), fontSize: 8 },
          ],
          margin: [0, 0, 0, 2],
        },
        ...(decided
          ? [
              { text: clean(decided), bold: true, margin: [0, 2, 0, 2] as [number, number, number, number] },
              {
                text: `WHY THE ENGINE RECOMMENDED ${clean(d.override?.recommended.name).toUpperCase()}`,
                style: 'label',
              },
            ]
          : [{ text: 'WHY', style: 'label' }]),
        bullets(first ? [reason(first)] : [], [0, 0, 0, 0]),
      ),
    )
    if (rest.length > 0) out.push(bullets(rest.map(reason), [0, 0, 0, 0]))
    if (d.alternatives.length > 0) {
      out.push(
        { text: 'ALTERNATIVES CONSIDERED', style: 'label' },
        bullets(
          d.alternatives.map((a) => ({
            text: [
              { text: clean(a.name), bold: true },
              apart ? '' : { text: ` (${clean(a.id)})`, color: MUTED },
              `: ${clean(a.whyNot)}`,
            ],
          })),
          [0, 0, 0, 0],
        ),
      )
    }
    if (d.revisitWhen.length > 0) {
      out.push({ text: 'REVISIT WHEN', style: 'label' }, bullets(d.revisitWhen.map(revisit), [0, 0, 0, 0]))
    }
  }
  return out
}

function reasonWithRule(b: Because): Content {
  const read = b.inputs.length > 0 ? ` · reads ${b.inputs.join(', ')}` : ''
  return {
    stack: [clean(b.text), { text: `${b.rule}${read}`, style: 'small', margin: [0, 1, 0, 0] }],
    margin: [0, 0, 0, 0],
  }
}

function triggerLine(id: string, t: Trigger | undefined): Content {
  if (!t) return { text: clean(id), color: MUTED }
  return {
    text: [{ text: `${condition(t)}. `, bold: true }, clean(t.action), { text: ` (${clean(id)})`, color: MUTED }],
  }
}

const plain = (text: string) => clean(text)
const condition = (c: Condition | Trigger) => conditionWords(c, plain)
const quantity = (value: number, unit: string) => quantityWords(value, unit, plain)

function databaseRationale({ brief }: BodyContext): Content[] {
  const r = brief.databaseRationale
  const out: Content[] = [sectionHeading('database-rationale', 'Database rationale', true)]
  if (r.options.length === 0) return [...out, 'No options were scored.']
  const criteria = r.criteria
  if (criteria.length > 0) {
    out.push(
      bullets(
        criteria.map((c) => ({ text: [{ text: clean(c.name), bold: true }, `: ${clean(c.question)}`] })),
        [0, 0, 0, 6],
      ),
    )
  }
  const chosenRow = r.options.findIndex((o) => o.id === r.chosen)
  out.push(
    table(
      [
        { title: 'Option', width: '*' },
        ...criteria.map((c) => ({ title: clean(c.name), width: 56 as const, align: 'right' as const })),
        { title: 'Total', width: 34, align: 'right' },
      ],
      r.options.map((o) => [
        o.id === r.chosen
          ? {
              text: [
                { text: clean(o.name), bold: true },
                { text: ' (chosen)', color: ACCENT },
              ],
              style: 'td',
            }
          : { text: clean(o.name), style: 'td' },
        ...criteria.map((c) => {
          const s = o.scores.find((x) => x.criterion === c.id)
          return s ? `${s.score}/5` : '–'
        }),
        { text: String(o.total), style: 'td', bold: true },
      ]),
      { fill: (row) => (row === chosenRow ? ACCENT_SOFT : null) },
    ),
  )
  const names = new Map(criteria.map((c) => [c.id, c.name]))
  for (const o of r.options) {
    const [first, ...rest] = o.scores.map((s) => ({
      text: [{ text: `${clean(names.get(s.criterion) ?? s.criterion)}, ${s.score}/5: `, bold: true }, clean(s.text)],
    }))
    out.push(
      keepTogether(
        { text: `${clean(o.name)}${o.id === r.chosen ? ' (chosen)' : ''}`, style: 'h3' },
        { text: clean(o.verdict), margin: [0, 0, 0, 3] },
        bullets(first ? [first] : [], [0, 0, 0, 0]),
      ),
      bullets(rest, [0, 0, 0, 2]),
    )
  }
  if (r.because.length > 0)
    out.push(
      { text: 'WHY', style: 'label' },
      bullets(r.because.map((b) => (brief.executive ? clean(b.text) : reasonWithRule(b)))),
    )
  return out
}

function costs({ brief, answers, width }: BodyContext): Content[] {
  const c = brief.costs
  const out: Content[] = [
    sectionHeading('cost-bands', 'Cost bands', true),
    {
      text: `Monthly infrastructure cost in US dollars for the first twelve months, in three bands, at prices as of ${clean(c.pricesAsOf)}. Usage: ${endSentence(clean(c.usage.curve))} Stated budget: ${formatCents(Math.round(answers.budget.monthlyInfraUsd * 100))} a month.`,
      margin: [0, 0, 0, 6],
    },
    costChart(brief, width),
    table(
      [
        { title: 'Month', width: '*', align: 'right' },
        { title: 'Active users', width: '*', align: 'right' },
        ...BANDS.map((b) => ({ title: BAND_NAMES[b], width: '*' as const, align: 'right' as const })),
      ],
      [
        ...c.bands.lean.monthly.map((_, m) => [
          String(m + 1),
          formatNumber(c.usage.activeUsers[m] ?? 0),
          ...BANDS.map((b) => formatCents(c.bands[b].monthly[m])),
        ]),
        [
          { text: '12 months', style: 'td', bold: true },
          '',
          ...BANDS.map((b) => ({ text: formatCents(c.bands[b].total12Months), style: 'td', bold: true })),
        ],
      ],
      { fill: (row) => (row === c.bands.lean.monthly.length ? ACCENT_SOFT : null) },
    ),
  ]

  out.push(
    keepTogether(
      { text: 'Line items', style: 'h2' },
      leadIn('What each component costs at month 12 in each band, with the basis of the estimate.'),
    ),
  )
  if (c.lineItems.length === 0) out.push('No line items.')
  else {
    out.push(
      table(
        LINE_ITEM_COLUMNS,
        c.lineItems.map((item) => lineItemRow(item)),
      ),
    )
    const sources = c.lineItems.flatMap((item) => item.sources.map((s) => sourceLine(item.name, s)))
    if (sources.length > 0) out.push({ text: 'PRICE SOURCES', style: 'label' }, sourceList(sources))
  }
  out.push(
    { text: 'Assumptions', style: 'h2' },
    c.assumptions.length > 0 ? bullets(c.assumptions.map((a) => clean(a))) : 'None stated.',
    keepTogether(
      { text: 'Transaction fees', style: 'h2' },
      leadIn(
        'Payment processing takes a share of revenue rather than adding to the infrastructure bill, so it is shown apart from the bands.',
      ),
    ),
  )
  if (c.transactionFees.length === 0) out.push('No payment processor in this brief.')
  else {
    out.push(
      table(
        [
          { title: 'Provider', width: 150 },
          { title: 'Per $1,000 processed', width: 70, align: 'right' },
          { title: 'Notes', width: '*' },
        ],
        c.transactionFees.map((f) => [
          { text: clean(f.name), style: 'td', bold: true },
          formatCents(f.per1000ProcessedCents),
          clean(f.text),
        ]),
      ),
    )
    const sources = c.transactionFees.flatMap((f) => f.sources.map((s) => sourceLine(f.name, s)))
    if (sources.length > 0) out.push({ text: 'FEE SOURCES', style: 'label' }, sourceList(sources))
  }
  return out
}

const LINE_ITEM_COLUMNS: readonly TableColumn[] = [
  { title: 'Component and basis', width: '*' },
  { title: 'Lean, month 12', width: 46, align: 'right' },
  { title: 'Moderate, month 12', width: 50, align: 'right' },
  { title: 'Scaled, month 12', width: 46, align: 'right' },
  { title: 'Moderate, 12 months', width: 54, align: 'right' },
]

function lineItemRow(item: LineItem): TableCell[] {
  return rowWithNote(
    LINE_ITEM_COLUMNS,
    [
      {
        text: [
          { text: clean(item.name), bold: true },
          { text: `  ${clean(item.area)}`, color: MUTED, fontSize: 7.5 },
        ],
      },
      formatCents(item.bands.lean[11]),
      formatCents(item.bands.moderate[11]),
      formatCents(item.bands.scaled[11]),
      { text: formatCents(item.bands.moderate.reduce((sum, x) => sum + x, 0)), bold: true },
    ],
    { text: clean(item.basis), fontSize: 7.5, color: INK_SOFT },
  )
}

interface SourceLine {
  key: string
  content: Content
}

function sourceLine(what: string, s: { url: string; asOf: string; estimate: boolean }): SourceLine {
  const url = clean(s.url)
  const linkable = /^https?:\/\/\S+$/.test(url)
  const tail = `, as of ${clean(s.asOf)}${s.estimate ? ' (estimate)' : ''}`
  return {
    key: `${what}\n${url}${tail}`,
    content: {
      text: [`${clean(what)}: `, linkable ? { text: url, link: url, color: ACCENT } : url, tail],
      fontSize: 7.5,
      color: INK_SOFT,
    },
  }
}

function sourceList(lines: readonly SourceLine[]): Content {
  const seen = new Set<string>()
  const unique = lines.filter((l) => !seen.has(l.key) && seen.add(l.key))
  return bullets(unique.map((l) => l.content))
}

function architecture({ brief, answers, width }: BodyContext): Content[] {
  return [
    sectionHeading('architecture', 'Architecture', true),
    {
      text: 'What runs on day one, built from the decisions above. Dashed boxes are deferred until their trigger holds.',
      margin: [0, 0, 0, 6],
    },
    architectureFigure(brief, answers, width),
  ]
}

function triggerTable({ brief, guide }: BodyContext): Content[] {
  const heading = sectionHeading('migration-triggers', 'Migration triggers')
  if (brief.triggers.length === 0) return [heading, 'No triggers.']
  return [
    keepTogether(
      heading,
      leadIn([
        "Each trigger is judged against the answers' 12-month figures; measured signals replace those figures later. Guide: ",
        guide('migration-triggers'),
        '.',
      ]),
    ),
    table(
      TRIGGER_COLUMNS,
      brief.triggers.map((t) =>
        rowWithNote(
          TRIGGER_COLUMNS,
          [
            {
              stack: [
                { text: clean(t.title), bold: true },
                { text: clean(t.id), style: 'small' },
              ],
            },
            `${METRICS[t.metric].label} ${t.comparator} ${quantity(t.threshold, t.unit)}${t.alsoRequires.map((x) => `, and ${lowerFirst(condition(x))}`).join('')}`,
            t.observed === null ? { text: 'measure', color: MUTED, italics: true } : formatNumber(t.observed),
            badge(t.status, TRIGGER_STATUS_WORDS[t.status]),
          ],
          { text: [{ text: 'Then: ', bold: true }, clean(t.action)], fontSize: 8, color: INK_SOFT },
        ),
      ),
    ),
  ]
}

const TRIGGER_COLUMNS: readonly TableColumn[] = [
  { title: 'Trigger', width: '*' },
  { title: 'Condition', width: 150 },
  { title: '12-month figure', width: 50, align: 'right' },
  { title: 'Status', width: 58 },
]

function dayOne({ brief, guide }: BodyContext): Content[] {
  const out: Content[] = [sectionHeading('day-one', 'Day one', true)]
  if (brief.dayOne.length === 0) return [...out, 'Nothing listed.']
  out.push({ text: 'A checklist for the first weeks: tick each box as it is done.', margin: [0, 0, 0, 2] })
  for (const item of brief.dayOne) {
    const [first, ...rest] = item.actions.map(checkbox)
    out.push(keepTogether({ text: clean(item.title), style: 'h3' }, first ?? ''), ...rest, {
      text: [{ text: 'Guide: ', color: MUTED }, guide(item.guide)],
      fontSize: 8,
      margin: [16, 1, 0, 2],
    })
  }
  return out
}

function checkbox(action: string): Content {
  return {
    columns: [
      {
        width: 16,
        canvas: [{ type: 'rect', x: 1, y: 2, w: 8, h: 8, r: 1, lineWidth: 0.8, lineColor: RULE_STRONG }],
      },
      { width: '*', text: clean(action) },
    ],
    margin: [0, 0, 0, 3],
  }
}

function deferred({ brief }: BodyContext): Content[] {
  const out: Content[] = [sectionHeading('deferred', 'Deferred')]
  if (brief.deferred.length === 0) return [...out, 'Nothing deferred.']
  const triggers = new Map(brief.triggers.map((t) => [t.id, t]))
  return [
    ...out,
    bullets(
      brief.deferred.map((d) => {
        const t = triggers.get(d.until)
        return {
          text: [
            { text: clean(d.what), bold: true },
            `, until ${t ? lowerFirst(condition(t)) : ''}`,
            { text: ` (${clean(d.until)})`, color: MUTED },
            `. ${clean(d.because[0]?.text)}`,
          ],
          margin: [0, 0, 0, 3],
        }
      }),
    ),
  ]
}

function risks({ brief }: BodyContext): Content[] {
  const heading = sectionHeading('risks', 'Risks')
  if (brief.risks.length === 0) return [heading, 'No risks listed.']
  const sorted = [...brief.risks]
    .filter((r) => !brief.executive || r.kind === 'risk')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
  return [
    keepTogether(heading, leadIn('Highest severity first, each with the step that keeps it small.')),
    table(
      [
        { title: 'Severity', width: 50 },
        { title: 'Risk', width: '*' },
        { title: 'Mitigation', width: '*' },
      ],
      sorted.map((r) => [badge(r.severity, SEVERITY_WORDS[r.severity]), clean(r.text), clean(r.mitigation)]),
    ),
  ]
}

/** The consultant's notes, each under the section it is about, as typed. */
function notes({ notes: list = [] }: BodyContext): Content[] {
  if (list.length === 0) return []
  return [
    sectionHeading('notes', NOTES_HEADING, true),
    ...renderedNotes(list).flatMap((n): Content[] => [
      { text: clean(n.label).toUpperCase(), style: 'label' },
      { text: clean(n.lines.join('\n')), margin: [0, 0, 0, 6] },
    ]),
  ]
}

function handoff({ brief }: BodyContext): Content[] {
  const out: Content[] = [sectionHeading('handoff', 'Handoff')]
  if (brief.handoff.length === 0) return [...out, 'No steps listed.']
  return [
    ...out,
    {
      ol: brief.handoff.map((step, i) => ({ text: clean(step), margin: [0, i === 0 ? 0 : 3, 0, 0] })),
      markerColor: MUTED,
    },
  ]
}

function appendix({ answers }: BodyContext): Content[] {
  const rows: TableCell[][] = ANSWER_PATHS.map((path) => [
    {
      stack: [
        { text: ANSWER_LABELS[path].label, bold: true },
        { text: path, style: 'small' },
      ],
      style: 'td',
    },
    clean(ANSWER_LABELS[path].format(readAnswer(answers, path)), 'Not given'),
  ])
  return [
    sectionHeading('appendix', 'Appendix: answers', true),
    leadIn('The answers this brief was generated from, as given.'),
    table(
      [
        { title: 'Answer', width: 190 },
        { title: 'Value', width: '*' },
      ],
      rows,
    ),
  ]
}

/** Rule mechanics, apart from the prose as in the Markdown and on the page: which rule decided each entry and which answers it read. */
function rulesAppendix({ brief }: BodyContext): Content[] {
  if (!brief.executive) return []
  const rows: TableCell[][] = []
  const add = (where: string, because: readonly Because[]) => {
    if (because.length === 0) return
    const rules = [...new Set(because.map((b) => b.rule))]
    const inputs = [...new Set(because.flatMap((b) => b.inputs))]
    rows.push([
      { text: clean(where), style: 'td', bold: true },
      { text: rules.join(', '), style: 'small' },
      { text: inputs.length > 0 ? inputs.join(', ') : '–', style: 'small' },
    ])
  }
  for (const d of brief.decisions) add(d.title, d.because)
  add('Database rationale', brief.databaseRationale.because)
  for (const item of brief.dayOne) add(item.title, item.because)
  for (const d of brief.deferred) add(d.what, d.because)
  for (const r of brief.risks) add(r.id.replace(/_/g, ' '), r.because)
  if (brief.operations) add('Operational assumptions', brief.operations.because)
  return [
    sectionHeading('rules-appendix', 'Appendix: rules and the answers they read', true),
    leadIn('Which rule decided each entry of this brief, and which answers it read.'),
    table(
      [
        { title: 'Entry', width: 130 },
        { title: 'Rule', width: 150 },
        { title: 'Answers read', width: '*' },
      ],
      rows,
    ),
  ]
}

function leadIn(text: Content): Content {
  return { text, style: 'leadIn' } as Content
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** The opening sentence, for a table cell that should stay short; the details keep the rest. */
function firstSentence(text: string): string {
  return text.split(/(?<=[a-z0-9)][.!?])\s+(?=[A-Z])/)[0]
}
