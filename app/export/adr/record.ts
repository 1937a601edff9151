import { ANSWER_PATHS, type AnswerPath, type Answers } from '#app/engine/answers.ts'
import { type Brief, type Condition, type Decision, METRICS, type Trigger } from '#app/engine/brief.ts'
import { code, linkUrl, md } from '#app/export/escape.ts'
import { formatCents, formatNumber } from '#app/export/markdown.ts'
import { TRIGGER_TARGETS } from '#app/export/radar.ts'
import { GUIDE_TITLES } from '#app/vocabulary/names.ts'
import {
  ANSWER_LABELS,
  AREA_QUESTIONS,
  answerText,
  DAY_ONE_AREAS,
  firstSentence,
  lowerFirstWord,
  productSentences,
  withoutFullStop,
  words,
} from './words.ts'

/**
 * The content of one decision record, section by section, as Markdown with
 * every piece of brief or answer text escaped. The three conventions arrange
 * the same sections under their own headings (see styles.ts).
 */

export interface RecordSource {
  decision: Decision
  brief: Brief
  /** Null when only the brief is known (a brief JSON file): the context then comes from the brief's summary. */
  answers: Answers | null
  briefId: string
  revision: number
  reviewBy: string
  guideBaseUrl?: string
}

/** A link to another record: `ADR-0003` (or a Log4brains slug), its file name and its title as Markdown. */
export interface RecordRef {
  label: string
  file: string
  /** Markdown, as it appears in the record's heading. */
  title: string
  number: number | null
}

export interface Option {
  title: string
  bullets: string[]
}

export interface RecordContent {
  /** Plain text; escape before use. */
  title: string
  context: string[]
  drivers: string[]
  options: string[]
  outcome: string[]
  consequences: string[]
  confirmation: string[]
  prosAndCons: Option[]
  moreInformation: string[]
}

export function recordTitle(d: Decision): string {
  return `${d.title}: ${d.choice.name}`
}

export function buildRecord(src: RecordSource, bullet: '*' | '-'): RecordContent {
  const { decision: d, brief } = src
  const list = (items: readonly string[]) => items.map((item) => `${bullet} ${item}`).join('\n')
  const triggers = d.revisitWhen
    .map((id) => brief.triggers.find((t) => t.id === id))
    .filter((t): t is Trigger => t !== undefined)
  const firstReason = d.because[0]?.text ?? ''
  const o = d.override
  // An overridden decision is argued from the person's reason; the recommendation stays a considered option with its own reasons.
  const goods = o
    ? [`Good, because ${md(lowerFirstWord(o.reason))}`]
    : d.because.map((b) => `Good, because ${md(lowerFirstWord(b.text))}`)

  const context = [...contextParagraphs(src, list), md(AREA_QUESTIONS[d.area])]

  const drivers = o
    ? [
        list([
          `${md(o.reason)} (decided by ${md(o.by)})`,
          ...o.recommendedBecause.map((b) => `${md(b.text)} (${code(b.rule)})`),
        ]),
      ]
    : [list(d.because.map((b) => `${md(b.text)} (${code(b.rule)})`))]
  const options = [list([md(d.choice.name), ...d.alternatives.map((a) => md(a.name))])]

  const when = (t: Trigger) => `${md(lowerFirstWord(withoutFullStop(t.title)))} (${code(t.id)})`
  const outcome =
    d.status === 'defer'
      ? [
          `Chosen option: "${md(d.choice.name)}", because it comes out best against the decision drivers once it is needed: ${md(firstSentence(firstReason))}`,
          triggers.length > 0
            ? `It is proposed, not yet built: it is taken up when ${triggers.map(when).join(' or ')}. Until then the record stays proposed.`
            : 'It is proposed, not yet built: it is taken up when the team measures a need for it. Until then the record stays proposed.',
        ]
      : o
        ? [
            `Chosen option: "${md(d.choice.name)}", decided by ${md(o.by)}${o.recommended.id === d.choice.id ? ', as recommended' : `, against the recommendation of "${md(o.recommended.name)}"`}, because ${md(lowerFirstWord(o.reason))}`,
          ]
        : [
            `Chosen option: "${md(d.choice.name)}", because it comes out best against the decision drivers above: ${md(firstSentence(firstReason))}`,
          ]

  const limits =
    d.status === 'defer'
      ? [
          `Bad, because nothing is built for it until ${triggers.length > 0 ? triggers.map(when).join(' or ') : 'a need is measured'}, so the need has to be noticed by measuring, not by an outage.`,
        ]
      : triggers.map((t) => `Bad, because it holds only until ${when(t)}.`)
  const setAside =
    d.alternatives.length > 0
      ? [
          `Bad, because it sets aside ${md(joinOr(d.alternatives.map((a) => a.name)))} for now; the pros and cons below say why.`,
        ]
      : []
  const consequences = [list([...goods, ...limits, ...setAside])]

  const confirmation = confirm(src, triggers, list)

  const chosenTargets = new Set(triggers.flatMap((t) => TRIGGER_TARGETS[t.id] ?? []))
  const prosAndCons: Option[] = [
    {
      title: md(d.choice.name),
      bullets: [d.status === 'defer' ? 'Chosen, for when its trigger holds.' : 'Chosen.', list([...goods, ...limits])],
    },
    ...d.alternatives.map((a) => {
      if (o && a.id === o.recommended.id) {
        return {
          title: md(a.name),
          bullets: [
            `The recommendation from the answers, set aside by ${md(o.by)}.`,
            list(o.recommendedBecause.map((b) => `Good, because ${md(lowerFirstWord(b.text))}`)),
          ],
        }
      }
      const movesHere = chosenTargets.has(a.id)
        ? triggers.filter((t) => (TRIGGER_TARGETS[t.id] ?? []).includes(a.id))
        : []
      return {
        title: md(a.name),
        bullets: [
          list([
            `Bad, because ${md(lowerFirstWord(a.whyNot))}`,
            ...movesHere.map((t) => `Good, because it is where this decision moves when ${when(t)}.`),
          ]),
        ],
      }
    }),
  ]

  return {
    title: recordTitle(d),
    context,
    drivers,
    options,
    outcome,
    consequences,
    confirmation,
    prosAndCons,
    moreInformation: moreInformation(src, triggers),
  }
}

function contextParagraphs(src: RecordSource, list: (items: readonly string[]) => string): string[] {
  const { decision: d, answers, brief } = src
  const read = ANSWER_PATHS.filter((p) => d.because.some((b) => (b.inputs as readonly AnswerPath[]).includes(p)))
  if (!answers) {
    const out = [md(`${brief.title}: ${brief.summary}`)]
    if (read.length > 0) out.push(`The answers this decision reads: ${read.map((p) => code(p)).join(', ')}.`)
    return out
  }
  const out = [productSentences(answers).map(md).join(' ')]
  if (answers.product.summary) out.push(`The first release must prove: ${md(answers.product.summary)}`)
  if (read.length > 0) {
    out.push(
      'The answers this decision reads:',
      list(read.map((p) => `${md(ANSWER_LABELS[p])} (${code(p)}): ${md(answerText(answers, p))}`)),
    )
  }
  return out
}

function confirm(src: RecordSource, triggers: readonly Trigger[], list: (items: readonly string[]) => string) {
  const { decision: d, brief } = src
  const items = brief.dayOne.filter((item) => (DAY_ONE_AREAS[item.id] ?? []).includes(d.area))
  const out: string[] = []
  if (items.length > 0) {
    out.push(
      'The day-one work that puts this decision in place, to check off:',
      items
        .map((item) =>
          [`${list([md(item.title)])}`, ...item.actions.map((a) => `  ${list([`[ ] ${md(a)}`])}`)].join('\n'),
        )
        .join('\n'),
    )
  }
  const checks = [
    ...triggers.map((t) =>
      d.status === 'defer'
        ? `Watch ${md(METRICS[t.metric].label)} (${md(t.unit)}): this proposal is taken up when ${md(conditionText(t))} (${code(t.id)}).`
        : `Watch ${md(METRICS[t.metric].label)} (${md(t.unit)}): this decision holds until ${md(conditionText(t))} (${code(t.id)}).`,
    ),
    d.status === 'defer'
      ? `By ${md(src.reviewBy)}, check whether its trigger holds; when it does, write the record that adopts ${md(d.choice.name)} and supersede this one.`
      : `By ${md(src.reviewBy)}, check that ${md(d.choice.name)} is still what runs, and read the decision drivers against the current answers.`,
  ]
  out.push(items.length > 0 ? 'And to see that it still holds:' : 'To see that it still holds:', list(checks))
  return out
}

const TRIGGER_STATUS_WORDS: Record<Trigger['status'], string> = { ok: 'OK', approaching: 'Approaching', fired: 'Fired' }

function moreInformation(src: RecordSource, triggers: readonly Trigger[]): string[] {
  const { decision: d, brief } = src
  const out: string[] = []
  if (triggers.length > 0) {
    out.push(
      'This decision is reopened when one of these triggers holds:',
      table(
        ['Trigger', 'Metric', 'Comparator', 'Threshold', 'Unit', 'Also requires', 'Status', 'Action'],
        triggers.map((t) => [
          `${md(t.title)} (${code(t.id, true)})`,
          md(METRICS[t.metric].label),
          code(t.comparator, true),
          formatNumber(t.threshold),
          md(t.unit),
          t.alsoRequires.map((c) => md(conditionText(c))).join('; ') || '–',
          TRIGGER_STATUS_WORDS[t.status],
          md(t.action),
        ]),
      ),
    )
  } else {
    out.push('No measured trigger reopens this decision; review it by the date above.')
  }
  out.push(`Guide: ${guideLink(d.guide, src.guideBaseUrl)}`)
  out.push(
    `From brief ${code(src.briefId)}, revision ${src.revision} (engine ${code(brief.engineVersion)}, catalog ${code(brief.catalogVersion)}); area ${code(d.area)}, choice ${code(d.choice.id)}. Review by ${md(src.reviewBy)}.`,
  )
  return out
}

/** Linked under a known address; otherwise named, since a record read in a repository has no `/guides/…`. */
export function guideLink(slug: string, base?: string): string {
  const origin = (base ?? '').trim().replace(/\/+$/, '')
  const title = GUIDE_TITLES[slug] ?? words(slug.replace(/-/g, '_'))
  return origin ? `[${md(title)}](${linkUrl(`${origin}/guides/${encodeURIComponent(slug)}`)})` : md(title)
}

/** `Database CPU (sustained) >= 70%`, plain text. */
export function conditionText(c: Condition | Trigger): string {
  const main = `${METRICS[c.metric].label} ${c.comparator} ${quantity(c.threshold, c.unit)}`
  const also = 'alsoRequires' in c ? c.alsoRequires.map((x) => ` and ${conditionText(x)}`).join('') : ''
  return `${main}${also}`
}

function quantity(value: number, unit: string): string {
  if (unit === '%') return `${formatNumber(value)}%`
  if (unit === 'USD/month') return `${formatCents(Math.round(value * 100))} a month`
  return `${formatNumber(value)} ${unit}`
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [head, head.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.map((c) => c || ' ').join(' | ')} |`)
    .join('\n')
}
