import type { GuideSlug } from '../../../content/guides'

/**
 * The questionnaire's steps, in order: one per section of the Answers, then
 * the review. Shared by the routes, the progress list and the drafts service.
 */

export const SECTIONS = ['product', 'team', 'load', 'data', 'compliance', 'budget'] as const
export type Section = (typeof SECTIONS)[number]

export const REVIEW_STEP = 'review'
export const STEPS = [...SECTIONS, REVIEW_STEP] as const
export type Step = (typeof STEPS)[number]

export interface StepInfo {
  title: string
  /** For the progress list, where space is short. */
  short?: string
  /** One sentence under the heading: what this step is for. */
  intro: string
  guide?: GuideSlug
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

export function nextStep(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]
}

export function previousStep(step: Step): Step | null {
  const index = STEPS.indexOf(step)
  return index > 0 ? STEPS[index - 1] : null
}
