import { REGION_NAMES } from '#app/vocabulary/names.ts'
import type { Answers } from './answers.ts'
import { type Catalog, type VendorFacts, vendorFactsOf } from './catalog.ts'

/**
 * The constraints that bind every vendor choice, computed once from the
 * answers before any decision: where personal data may live, which regulated
 * data the product holds and what that requires, whether everything runs on
 * the team's own servers, the team's languages in the team's order, and the
 * budget. Rules filter their candidates through these, then rank what is left.
 */
export type Region = Answers['compliance']['dataResidency'][number]
export type Language = Answers['team']['languages'][number]

export interface Constraints {
  /** Regions personal data must stay in; empty when any region will do. */
  residency: readonly Region[]
  /** Health data is held: every component that touches it must sign a BAA (HIPAA). */
  baaRequired: boolean
  /** Card data is taken: it must never touch our own components, only the processor's (PCI DSS). */
  cardDataOffPlatform: boolean
  /** RBI: payment data is stored only in India. */
  paymentDataInIndia: boolean
  /** Everything runs on the team's own servers. */
  selfHosted: boolean
  /** The team's languages, the primary first. */
  languages: readonly Language[]
  primaryLanguage: Language
  /** The monthly infrastructure budget, in cents. */
  budgetCents: number
}

/**
 * Health data is regulated as HIPAA sees it: the regime is named, or health
 * data is held for a product sold in the US (or everywhere). Every component
 * that touches it must then sign a BAA. Health data sold only outside the US
 * is a GDPR (or other privacy law) matter, not a BAA one. Reads exactly these
 * three answers, always.
 */
export function healthRegulated(a: Answers): boolean {
  const hipaa = a.compliance.regimes.includes('hipaa')
  const health = a.data.sensitive.includes('health')
  const soldInUs = a.compliance.markets.some((m) => m === 'us' || m === 'global')
  return hipaa || (health && soldInUs)
}

/**
 * RBI payment data localisation binds like a residency answer: the entire
 * payment data (the customer's details, credentials and transaction records)
 * is stored only in India, by the merchant and by every vendor that holds it.
 * A product that takes payments under RBI therefore keeps its data in India
 * even when the residency answer leaves India out.
 */
export function rbiBindsIndia(a: Answers): boolean {
  return a.compliance.regimes.includes('rbi') && a.compliance.payments !== 'none'
}

/** The answers the engine decides from: the residency answer with India added where RBI localisation binds. */
export function withRegulatedResidency(a: Answers): Answers {
  if (!rbiBindsIndia(a) || a.compliance.dataResidency.includes('india')) return a
  return { ...a, compliance: { ...a.compliance, dataResidency: [...a.compliance.dataResidency, 'india'] } }
}

/** The answer paths `healthRegulated` reads. */
export const HEALTH_INPUTS = ['compliance.regimes', 'data.sensitive', 'compliance.markets'] as const

export function constraintsOf(a: Answers): Constraints {
  const regimes = a.compliance.regimes
  const sensitive = a.data.sensitive
  return {
    residency: a.compliance.dataResidency,
    baaRequired: healthRegulated(a),
    cardDataOffPlatform: regimes.includes('pci_dss') || sensitive.includes('payment_card'),
    paymentDataInIndia: rbiBindsIndia(a),
    selfHosted: a.budget.hosting === 'self_hosted',
    languages: a.team.languages,
    primaryLanguage: a.team.languages[0],
    budgetCents: Math.round(a.budget.monthlyInfraUsd * 100),
  }
}

/** The answer paths `constraintsOf` reads for each constraint, for the `because` entries of rules that apply it. */
export const CONSTRAINT_INPUTS = {
  residency: ['compliance.dataResidency'],
  baa: HEALTH_INPUTS,
  card: ['compliance.regimes', 'data.sensitive'],
  rbi: ['compliance.regimes'],
} as const

/** How a vendor stands against the residency constraint: a confirmed fit, a fit the sources do not confirm, or no fit. */
export type Fit = 'fits' | 'unconfirmed' | 'does_not_fit'

/** Whether a catalog component can keep its data in every region the residency answer names. */
export function residencyFit(catalog: Catalog, componentId: string, residency: readonly Region[]): Fit {
  if (residency.length === 0) return 'fits'
  const facts = vendorFactsOf(catalog, componentId)
  if (!facts) return 'unconfirmed'
  const covers =
    facts.regions === 'anywhere' ||
    residency.every((r) => r !== 'other' && (facts.regions as readonly Region[]).includes(r))
  if (!covers) return facts.regionsConfirmed || facts.regions !== 'anywhere' ? 'does_not_fit' : 'unconfirmed'
  return facts.regionsConfirmed ? 'fits' : 'unconfirmed'
}

/** Whether a catalog component signs a BAA: confirmed, unconfirmed, not needed (software you run), or refused. */
export function baaFit(catalog: Catalog, componentId: string): Fit | 'not_applicable' {
  const facts = vendorFactsOf(catalog, componentId)
  if (!facts) return 'unconfirmed'
  switch (facts.baa) {
    case 'signs':
      return 'fits'
    case 'not_applicable':
      return 'not_applicable'
    case 'does_not_sign':
      return 'does_not_fit'
    default:
      return 'unconfirmed'
  }
}

export function factsOf(catalog: Catalog, componentId: string): VendorFacts | undefined {
  return vendorFactsOf(catalog, componentId)
}

const REGION_WORDS: Record<Region, string> = { ...REGION_NAMES, other: 'your own listed region' }

export function regionWords(regions: readonly Region[]): string {
  const words = regions.map((r) => REGION_WORDS[r])
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/**
 * What a decision's chosen vendor must be bought with to meet the
 * constraints, for the plan and its costs to price: the regions it must run
 * in, and the plan on which it signs a BAA when health data requires one.
 */
export function requirementsFor(
  catalog: Catalog,
  componentId: string,
  c: Constraints,
): { regions?: Region[]; plan?: string; agreements?: ('dpa' | 'baa')[] } | undefined {
  const facts = vendorFactsOf(catalog, componentId)
  const out: { regions?: Region[]; plan?: string; agreements?: ('dpa' | 'baa')[] } = {}
  if (c.residency.length > 0) out.regions = [...c.residency]
  const agreements: ('dpa' | 'baa')[] = []
  if (facts?.dpa === 'signs' || facts?.dpa === 'unconfirmed') agreements.push('dpa')
  if (c.baaRequired && facts && facts.baa !== 'not_applicable' && facts.baa !== 'does_not_sign') {
    agreements.push('baa')
    if (facts.baaPlan) out.plan = facts.baaPlan
  }
  if (agreements.length > 0) out.agreements = agreements
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * The regions a catalog component keeps this plan's data in, from its vendor
 * facts: the wanted regions it runs in, or, where it runs in none of them,
 * where it does run (so the plan shows the truth and the invariant check
 * catches it). Software you run yourself, and components with no facts, run
 * where you put them.
 */
export function vendorRegions(catalog: Catalog, componentId: string | null, wanted: readonly Region[]): Region[] {
  const facts = componentId === null ? undefined : vendorFactsOf(catalog, componentId)
  if (!facts || facts.regions === 'anywhere') return [...wanted]
  const can = facts.regions
  const inside = wanted.filter((r) => can.includes(r))
  return inside.length > 0 ? inside : [can[0]]
}

/** The vendor's facts confirm it signs a BAA (software you run yourself needs none of its own). */
export function signsBaa(catalog: Catalog, componentId: string): boolean {
  const fit = baaFit(catalog, componentId)
  return fit === 'fits'
}

/**
 * How a vendor that holds or processes the product's data stands against the
 * residency answer and, for health data, the BAA requirement: what a rule
 * must say when it keeps a vendor whose facts do not confirm both.
 */
export interface Standing {
  residency: Fit
  baa: Fit | 'not_applicable' | 'not_required'
  /** The regions the vendor's facts name, when they name any. */
  regions: readonly Region[] | 'anywhere'
}

export function standingOf(
  catalog: Catalog,
  componentId: string,
  c: Pick<Constraints, 'residency' | 'baaRequired'>,
): Standing {
  const facts = vendorFactsOf(catalog, componentId)
  return {
    residency: residencyFit(catalog, componentId, c.residency),
    baa: c.baaRequired ? baaFit(catalog, componentId) : 'not_required',
    regions: facts?.regions ?? [],
  }
}
