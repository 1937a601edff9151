import { ANSWER_PATHS, type Answers, readAnswer } from './answers.ts'
import {
  BANDS,
  type BriefDecision,
  type Costs,
  type DatabaseRationale,
  type DayOneItem,
  type Executive,
  type Risk,
  type Trigger,
} from './brief.ts'
import { formatNumber, formatUsd, regionLabel } from './prose.ts'
import { describeProduct } from './summary.ts'

/**
 * The executive brief: the first page of every form. Everything in it is
 * read from the rest of the brief (decisions, rationale, costs, risks,
 * triggers, day one); nothing is worked out again here.
 */

export const EXECUTIVE_LIMITS = { risks: 3, triggers: 3, steps: 3 } as const

/** The figures and values of this case, as a sentence would write them. */
export function caseTerms(a: Answers): string[] {
  const terms = new Set<string>()
  for (const path of ANSWER_PATHS) {
    if (path === 'product.summary' || path === 'product.name') continue
    const value = readAnswer(a, path)
    if (typeof value === 'number') terms.add(formatNumber(value))
    else if (Array.isArray(value)) for (const v of value) terms.add(String(v).replace(/_/g, ' '))
  }
  terms.add(formatUsd(a.budget.monthlyInfraUsd * 100))
  for (const r of [...a.compliance.dataResidency, ...a.compliance.markets])
    terms.add(regionLabel(r).replace(/^the /, ''))
  return [...terms].filter((t) => t.length > 0)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The terms as two patterns, compiled once per brief: figures and short
 * values match as written, longer values in any case. Each is one
 * alternation, so a sentence is scanned twice rather than once per term.
 */
const TERM_PATTERNS = new WeakMap<readonly string[], RegExp[]>()

function termPatterns(terms: readonly string[]): RegExp[] {
  const cached = TERM_PATTERNS.get(terms)
  if (cached) return cached
  const exact: string[] = []
  const anyCase: string[] = []
  for (const t of terms) {
    if (/^[\d$]/.test(t)) exact.push(`(?<![\\d,.])${escapeRegExp(t)}(?![\\d,]|\\.\\d)`)
    // A short value ("go") is also an ordinary word: only its capitalised name counts.
    else if (t.length <= 3) exact.push(`\\b${escapeRegExp(t.charAt(0).toUpperCase() + t.slice(1))}\\b`)
    else anyCase.push(`\\b${escapeRegExp(t)}\\b`)
  }
  const patterns = [
    ...(exact.length > 0 ? [new RegExp(exact.map((p) => `(?:${p})`).join('|'))] : []),
    ...(anyCase.length > 0 ? [new RegExp(anyCase.map((p) => `(?:${p})`).join('|'), 'i')] : []),
  ]
  TERM_PATTERNS.set(terms, patterns)
  return patterns
}

/** Does `text` name one of the case's terms: a figure on its own (not inside a larger one), or a value as a word? */
export function namesCaseTerm(text: string, terms: readonly string[]): boolean {
  // "12 months" is the brief's horizon, not a figure of this case.
  const plain = text.replace(/\b12 months\b/g, '')
  return termPatterns(terms).some((pattern) => pattern.test(plain))
}

/** Answer paths quoted in parentheses, "(load.activeUsersIn12Months)", are mechanics for the appendix. */
const QUOTED_PATHS = /\s*\((?:[a-z]+\.[A-Za-z0-9]+(?:,\s*)?)+\)/g
/** A snake_case identifier: a rule or trigger id that has no place in a one-line reason. */
const IDENTIFIER = /\b[a-z0-9]+_[a-z0-9_]+\b/

function sentences(text: string): string[] {
  return text
    .replace(QUOTED_PATHS, '')
    .split(/(?<=[a-z0-9)”"][.!?])\s+(?=[A-Z“"])/)
    .map((s) => s.trim())
}

/** A sentence cut to its clause that names the case, so a table cell stays short. */
function clauseNaming(sentence: string, terms: readonly string[]): string {
  const clauses = sentence.split(/(?<=[a-z0-9)])[:;]\s+/)
  const hit = clauses.find((c) => namesCaseTerm(c, terms)) ?? sentence
  const text = upperFirst(hit.trim())
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** A table cell or list line of the first page stays near this many words. */
export const SHORT_WORDS = 25
/** A risk keeps its comparison ("13 weeks against the 10 to launch"), so it may run a little longer. */
export const RISK_WORDS = 32
/** What a cost band buys, in the first page's table: its lead, the costs section says the rest. */
export const BAND_WORDS = 14

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length

/**
 * A sentence short enough for the first page: long parenthetical lists go
 * (the full sections keep them), then, if still long, what follows a colon
 * or semicolon whose lead already makes the point.
 */
export function shorten(text: string, limit = SHORT_WORDS): string {
  let out = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (wordCount(inner) > 6 ? '' : whole))
  if (wordCount(out) > limit) {
    const cut = out.search(/[:;]\s/)
    if (cut > 0 && wordCount(out.slice(0, cut)) >= 6) out = out.slice(0, cut)
  }
  if (wordCount(out) > limit) {
    const cut = out.indexOf(', and ')
    if (cut > 0 && wordCount(out.slice(0, cut)) >= 6) out = out.slice(0, cut)
  }
  out = out.trim()
  return /[.!?]$/.test(out) ? out : `${out}.`
}

/** Where a sentence may be cut and still read as one: before a clause that adds a consequence or a detail. */
const CLAUSE_BREAK = /,\s+(?=(?:so|which|since|because|and|but|where|while|rather|behind|then|still)\b)|\s+—\s+/g

/** The longest head of a sentence, cut at a clause break, that fits the line and (unless told otherwise) still names the case. */
export function clip(
  text: string,
  terms: readonly string[],
  limit = SHORT_WORDS,
  mustNameCase = true,
): string | undefined {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => m.index ?? 0).reverse()
  for (const at of breaks) {
    const head = text.slice(0, at).trim()
    const words = wordCount(head)
    if (words <= limit && words >= 6 && (!mustNameCase || namesCaseTerm(head, terms))) return `${head}.`
  }
  return undefined
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A choice's name inside a sentence: "A dedicated search engine (Elasticsearch, …)" → "a dedicated search engine". */
function inSentence(name: string): string {
  return name.replace(/\s*\([^)]*\)/g, '').replace(/^(A|An|The) /, (w) => w.toLowerCase())
}

/** The reason in the stack table: the first sentence of the decision that names this case, else the alternative it beat. */
export function stackReason(d: BriefDecision, terms: readonly string[], rationale: DatabaseRationale): string {
  if (d.area === 'database' && rationale.chosen === d.choice.id) {
    const ranked = [...rationale.options].sort((x, y) => y.total - x.total)
    const chosen = ranked.find((o) => o.id === rationale.chosen)
    const next = ranked.find((o) => o.id !== rationale.chosen)
    if (chosen && next) {
      const most = rationale.criteria.length * 5
      return `Scored ${chosen.total} of ${most} on the ${rationale.criteria.length} database criteria for this case, ahead of ${next.name} at ${next.total}.`
    }
  }
  // The first sentence that names the case in a short line wins; a long one is cut at a clause that still names it.
  let first: string | undefined
  let long: string | undefined
  for (const b of d.because) {
    for (const s of sentences(b.text)) {
      if (IDENTIFIER.test(s)) continue
      first ??= s
      if (!namesCaseTerm(s, terms)) continue
      const line = shorten(clauseNaming(s, terms))
      if (wordCount(line) <= SHORT_WORDS) return line
      const cut = clip(line, terms)
      if (cut) return cut
      long ??= line
    }
  }
  const beaten = d.alternatives[0]
  if (long && !beaten) return long
  if (beaten) {
    // The row's words include "Chosen over …:", so the reason itself gets what is left of the line.
    const room = SHORT_WORDS - wordCount(`Chosen over ${inSentence(beaten.name)}:`)
    const whole = shorten(sentences(beaten.whyNot)[0] ?? beaten.whyNot, room)
    const why = wordCount(whole) <= room ? whole : (clip(whole, [], room, false) ?? whole)
    // A possessive is still the name: "Clerk's strength …" keeps its capital.
    const first = (why.split(/\s/)[0] ?? '').replace(/['’]s$/, '')
    // Lower the first word unless it is a name ("Postmark is …") or an acronym ("GPU instances …").
    const keep =
      /^.[A-Z]/.test(first) || (first.length > 2 && new RegExp(`\\b${escapeRegExp(first)}\\b`, 'i').test(beaten.name))
    return `Chosen over ${inSentence(beaten.name)}: ${keep ? why : why.charAt(0).toLowerCase() + why.slice(1)}`
  }
  return shorten(first ?? d.because[0].text)
}

/** An overridden row gives the person's reason and what the engine had recommended: their word, not the engine's. */
function overriddenReason(d: BriefDecision, o: NonNullable<BriefDecision['override']>): string {
  const reason = shorten(upperFirst(o.reason.trim())).replace(/[.!?]$/, '')
  return o.recommended.id === d.choice.id
    ? `${reason}; also the engine's recommendation.`
    : `${reason}; the engine recommended ${o.recommended.name}.`
}

/** The triggers nearest to firing: those that fire within the year by month, then those approaching. */
export function nearestTriggers(triggers: readonly Trigger[]): Trigger[] {
  const firing = triggers
    .filter((t) => t.firesInMonth !== null)
    .sort((x, y) => (x.firesInMonth ?? 13) - (y.firesInMonth ?? 13))
  const approaching = triggers.filter((t) => t.firesInMonth === null && t.status === 'approaching')
  return [...firing, ...approaching].slice(0, EXECUTIVE_LIMITS.triggers)
}

/**
 * The choices that are the default for a first product, whatever the case:
 * the first page names them in one line and keeps its table for the choices
 * this case moved. A choice on trial or overridden by a person always keeps its row.
 */
const SETTLED_DEFAULTS: Partial<Record<BriefDecision['area'], readonly string[]>> = {
  repo: ['monorepo'],
  architecture_style: ['modular_monolith'],
  document_store: ['postgres_jsonb'],
  search: ['postgres_fts'],
  timeseries_store: ['postgres'],
  file_storage: ['object_storage'],
  jobs: ['inline', 'postgres_jobs_table'],
  analytics: ['product_analytics'],
  api: ['versioned_rest', 'internal_endpoints'],
  tenancy: ['org_scoped', 'user_scoped'],
}

export function settledByDefault(d: BriefDecision): boolean {
  return d.status === 'adopt' && !d.override && (SETTLED_DEFAULTS[d.area]?.includes(d.choice.id) ?? false)
}

export function writeExecutive(
  a: Answers,
  parts: {
    decisions: readonly BriefDecision[]
    databaseRationale: DatabaseRationale
    costs: Costs
    risks: readonly Risk[]
    triggers: readonly Trigger[]
    dayOne: readonly DayOneItem[]
  },
): Executive {
  const terms = caseTerms(a)
  const { decisions, costs } = parts
  const shown = decisions.filter((d) => (d.status === 'adopt' || d.status === 'trial') && d.choice.id !== 'none')
  return {
    product: describeProduct(a),
    stack: shown
      .filter((d) => !settledByDefault(d))
      .map((d) => ({
        area: d.area,
        title: d.title,
        choice: d.choice.name,
        status: d.status as 'adopt' | 'trial',
        reason: d.override ? overriddenReason(d, d.override) : stackReason(d, terms, parts.databaseRationale),
        ...(d.override ? { decidedBy: d.override.by } : {}),
      })),
    settled: shown.filter(settledByDefault).map((d) => ({ area: d.area, title: d.title, choice: d.choice.name })),
    costs: BANDS.map((band) => ({
      band,
      month12: costs.bands[band].monthly[11],
      total12Months: costs.bands[band].total12Months,
      buys: shorten(costs.bandMeaning[band], BAND_WORDS),
    })),
    budgetMonthly: Math.round(a.budget.monthlyInfraUsd * 100),
    risks: parts.risks
      .slice(0, EXECUTIVE_LIMITS.risks)
      .map((r) => ({ id: r.id, severity: r.severity, text: shorten(sentences(r.text)[0] ?? r.text, RISK_WORDS) })),
    triggers: nearestTriggers(parts.triggers).map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      firesInMonth: t.firesInMonth,
    })),
    firstSteps: parts.dayOne.slice(0, EXECUTIVE_LIMITS.steps).map((d) => ({ id: d.id, title: d.title })),
  }
}
