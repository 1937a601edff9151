import type { Content } from 'pdfmake/interfaces'
import { formatCents, formatNumber } from '#app/export/markdown.ts'
import { BAND_NAMES } from './chart.ts'
import type { BodyContext } from './sections.ts'
import { ACCENT, badge, bullets, clean, keepTogether, sectionHeading, table } from './theme.ts'

/**
 * The sections the executive brief brought: the first page itself, the
 * operational assumptions, and what would make this plan wrong. Each returns
 * nothing for a brief stored before they existed.
 */

const SEVERITY_WORDS = { high: 'High', medium: 'Medium', low: 'Low' } as const

export function executive({ brief, answers }: BodyContext): Content[] {
  const e = brief.executive
  if (!e) return []
  const subheading = (text: string): Content => ({ text, style: 'h2', margin: [0, 10, 0, 4] })
  return [
    sectionHeading('executive', 'Executive brief', true),
    answers.product.summary ? { text: clean(answers.product.summary), style: 'lede', margin: [0, 0, 0, 6] } : [],
    { text: clean(e.product), margin: [0, 0, 0, 8] },
    table(
      [
        { title: 'Area', width: 90 },
        { title: 'Choice', width: 130 },
        { title: 'Why, for this case', width: '*' },
      ],
      e.stack.map((s) => [
        { text: clean(s.title), style: 'td', bold: true },
        {
          text: [
            { text: `${clean(s.choice)}${s.status === 'trial' ? ' (trial)' : ''}`, color: ACCENT },
            s.decidedBy ? { text: `\nDecided by ${clean(s.decidedBy)}`, bold: true } : '',
          ],
          style: 'td',
        },
        { text: clean(s.reason), style: 'td' },
      ]),
    ),
    e.settled && e.settled.length > 0
      ? {
          text: `Also settled, as for most first products: ${e.settled.map((s) => clean(s.choice)).join('; ')}.`,
          margin: [0, 6, 0, 0],
        }
      : [],
    keepTogether(
      subheading(`Month-12 cost, against a budget of ${formatCents(e.budgetMonthly)} a month`),
      table(
        [
          { title: 'Band', width: 60 },
          { title: 'Month 12', width: 60 },
          { title: 'What it buys', width: '*' },
        ],
        e.costs.map((c) => [
          { text: BAND_NAMES[c.band], style: 'td', bold: true },
          { text: formatCents(c.month12), style: 'td' },
          { text: clean(c.buys), style: 'td' },
        ]),
      ),
    ),
    subheading('Top risks'),
    e.risks.length === 0
      ? 'No risks stand out.'
      : {
          ol: e.risks.map((r) => ({ text: [{ text: `${SEVERITY_WORDS[r.severity]}: `, bold: true }, clean(r.text)] })),
        },
    subheading('Nearest triggers'),
    e.triggers.length === 0
      ? 'No migration trigger is near at the 12-month figures.'
      : bullets(
          e.triggers.map((t) => ({
            text: `${clean(t.title)}: ${t.firesInMonth === null ? t.status : `fires in month ${t.firesInMonth}`}`,
          })),
        ),
    subheading('First steps'),
    { ol: e.firstSteps.map((s) => clean(s.title)) },
    {
      text: `Engine ${clean(brief.engineVersion)} · catalog ${clean(brief.catalogVersion)} · prices as of ${clean(brief.costs.pricesAsOf)}`,
      style: 'small',
      margin: [0, 12, 0, 0],
    },
  ]
}

export function operations({ brief }: BodyContext): Content[] {
  const o = brief.operations
  if (!o) return []
  const figures = `${o.uptimeTarget}% uptime, service back within ${formatNumber(o.restoreWithinHours)} hours of losing the database, at most ${formatNumber(o.maxDataLossMinutes)} minutes of writes lost`
  return [
    keepTogether(sectionHeading('operations', 'Operational assumptions'), {
      text: o.stated
        ? `Targets from the answers: ${figures}.`
        : `No targets were given; the plan assumes the defaults: ${figures}.`,
      margin: [0, 0, 0, 6],
    }),
    bullets([
      { text: [{ text: 'Uptime: ', bold: true }, clean(o.uptime)] },
      { text: [{ text: 'Backups and restore drill: ', bold: true }, clean(o.backups)] },
      { text: [{ text: 'On call: ', bold: true }, clean(o.onCall)] },
    ]),
  ]
}

export function invalidations({ brief }: BodyContext): Content[] {
  if (!brief.executive) return []
  const found = brief.risks.filter((r) => r.kind === 'invalidation')
  const heading = sectionHeading('invalidations', 'What would make this plan wrong')
  if (found.length === 0) return [heading, 'No single figure in the answers holds the plan up.']
  return [
    heading,
    table(
      [
        { title: 'Severity', width: 50 },
        { title: 'If this figure is wrong', width: '*' },
        { title: 'What to do', width: '*' },
      ],
      found.map((r) => [badge(r.severity, SEVERITY_WORDS[r.severity]), clean(r.text), clean(r.mitigation)]),
    ),
  ]
}
