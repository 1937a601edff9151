import type { GuideSlug } from '../../content/guides/index.ts'

/**
 * The questionnaire's steps, in order: one per required section of the
 * Answers, then the review. The optional sections (AI features, operational
 * targets) are steps of their own, reached from the review rather than put
 * in every founder's path; left out, the brief states the defaults it assumed.
 * Shared by the routes, the progress list and the drafts service.
 */

export const REQUIRED_SECTIONS = ['product', 'team', 'load', 'data', 'compliance', 'budget'] as const
export const OPTIONAL_SECTIONS = ['ai', 'operations'] as const
export const SECTIONS = [...REQUIRED_SECTIONS, ...OPTIONAL_SECTIONS] as const
export type Section = (typeof SECTIONS)[number]
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number]

export const REVIEW_STEP = 'review'
/** The steps every draft walks through, in order. */
export const STEPS = [...REQUIRED_SECTIONS, REVIEW_STEP] as const
export type Step = (typeof STEPS)[number] | OptionalSection

export function isOptionalSection(section: string): section is OptionalSection {
  return (OPTIONAL_SECTIONS as readonly string[]).includes(section)
}

export interface StepInfo {
  title: string
  /** For the progress list, where space is short. */
  short?: string
  /** One sentence under the heading: what this step is for. */
  intro: string
  guide?: GuideSlug
  /** For an optional step: the review's link to it while it is left out. */
  addLabel?: string
}

export const STEP_INFO: Record<Step, StepInfo> = {
  product: {
    title: 'Product',
    intro: 'What you are building and who uses it. The shape of the product decides most of the defaults that follow.',
    guide: 'default-stack',
  },
  team: {
    title: 'Team',
    intro: 'Who will build and run it. A stack the team already knows ships sooner than a better one it has to learn.',
    guide: 'default-stack',
  },
  load: {
    title: 'Load',
    intro:
      'Rough figures for launch and for a year later. Order of magnitude is enough; the brief says when to measure again.',
    guide: 'migration-triggers',
  },
  data: {
    title: 'Data',
    intro:
      'The kinds of data you keep. Most products need only a relational database; the rest decides whether it needs help.',
    guide: 'databases',
  },
  compliance: {
    title: 'Compliance and identity',
    short: 'Compliance',
    intro: 'Rules you must follow, where your customers are, how accounts work and how people pay.',
    guide: 'auth-and-payments',
  },
  budget: {
    title: 'Budget',
    intro: 'What you can spend each month on infrastructure, where you want to run it, and when you plan to launch.',
    guide: 'cost-bands',
  },
  ai: {
    title: 'AI features',
    short: 'AI',
    intro:
      'Only if the product calls a language model or turns text into embeddings. The figures price the model and embedding calls.',
    guide: 'cost-bands',
    addLabel: 'Add the AI figures',
  },
  operations: {
    title: 'Operational targets',
    short: 'Operations',
    intro:
      'How much downtime and data loss the business can live with. Left out, the brief assumes 99.5% uptime, a restore within 24 hours and at most an hour of lost writes.',
    guide: 'day-one',
    addLabel: 'Set your own targets',
  },
  review: {
    title: 'Review',
    intro: 'Check every answer, change what is wrong, then generate the brief.',
  },
}

export function isSection(value: string | undefined): value is Section {
  return (SECTIONS as readonly string[]).includes(value ?? '')
}

export function stepPath(draftId: string, step: Step): string {
  return `/drafts/${encodeURIComponent(draftId)}/${step}`
}

/** Where a saved step leads: the next step, or back to the review from an optional one. */
export function nextStep(step: Step): Step {
  if (isOptionalSection(step)) return REVIEW_STEP
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]
}

export function previousStep(step: Step): Step | null {
  if (isOptionalSection(step)) return REVIEW_STEP
  const index = STEPS.indexOf(step)
  return index > 0 ? STEPS[index - 1] : null
}
