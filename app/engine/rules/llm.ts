import type { Answers } from '#app/engine/answers.ts'
import type { Area, Because, Decision } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'
import { HEALTH_INPUTS, healthRegulated, regionWords, residencyFit, standingOf } from '#app/engine/constraints.ts'
import { callsModels, usageOf } from '#app/engine/costs/usage.ts'
import { listPhrase } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

const TITLE = 'Language models'

/** AI products call a hosted model through its API; nobody trains or hosts one for a first release. */
export const llm: AreaRules = {
  area: 'llm',
  decide(a, catalog): Decision {
    if (!callsModels(a)) {
      return {
        area: 'llm',
        title: TITLE,
        choice: { id: 'none', name: 'Not needed' },
        status: 'not_applicable',
        because: [because('llm.no_model_calls', ['product.shape'], 'Nothing in the answers calls a language model.')],
        alternatives: [],
        revisitWhen: [],
        guide: 'default-stack',
      }
    }
    const residency = a.compliance.dataResidency
    // No model deployment inside the residency regions is confirmed: the choice names the region it must run in, not the US.
    const bound = residency.length > 0 && residencyFit(catalog, 'anthropic', residency) !== 'fits'
    return {
      area: 'llm',
      title: TITLE,
      choice: {
        id: 'hosted_llm_api',
        name: bound
          ? `A hosted model run in ${regionWords(residency)}, once a provider confirms it (priced at Claude Haiku 4.5 rates)`
          : 'A hosted model through its API (Claude Haiku 4.5)',
        vendor: 'anthropic',
      },
      status: 'adopt',
      because: [
        because(
          'llm.hosted_api',
          ['product.shape', 'load.activeUsersIn12Months'],
          'Call a hosted model through its API and pay per token: the smallest capable model first, a larger one only for the requests that measurably need it. Keep prompts and model names in one module so a change of model is one change.',
        ),
        ...modelVendorNotes(a, catalog, 'llm', embedsText(a) ? ['anthropic', 'openai_embeddings'] : ['anthropic']),
      ],
      alternatives: [
        {
          id: 'self_hosted_model',
          name: 'Running an open model on your own GPUs',
          whyNot:
            'GPU instances cost thousands a month before the first user and need people who run them; a hosted API costs per use until usage is large and steady.',
        },
      ],
      revisitWhen: [],
      guide: 'default-stack',
    }
  },
  triggers: [],
}

/** The model APIs the plan sends the product's text to, by catalog id, and what the brief calls them. */
const MODEL_VENDORS = {
  anthropic: "Anthropic's API",
  openai_embeddings: "OpenAI's embeddings API",
} as const
export type ModelVendor = keyof typeof MODEL_VENDORS

/** The plan pays for embeddings: stored vectors, similarity queries or a given monthly count. */
export function embedsText(a: Answers): boolean {
  return usageOf(a).embeddings.some((e) => e > 0)
}

/**
 * What the brief must say of the model APIs that receive the product's text
 * when their facts do not confirm the residency regions or a BAA: plainly
 * what is unconfirmed, and what to send them until it is.
 */
export function modelVendorNotes(
  a: Answers,
  catalog: Catalog,
  area: Extract<Area, 'llm' | 'vector_store'>,
  vendors: readonly ModelVendor[],
): Because[] {
  // Reads the residency and health answers only, so a rule that calls it names exactly those.
  const c = { residency: a.compliance.dataResidency, baaRequired: healthRegulated(a) }
  const standing = vendors.map((v) => ({ name: MODEL_VENDORS[v], ...standingOf(catalog, v, c) }))
  const out: Because[] = []
  const unsure = standing.filter((s) => s.residency !== 'fits')
  if (unsure.length > 0) {
    const names = listPhrase(unsure.map((s) => s.name))
    const where = regionWords(c.residency)
    const assumed = regionWords([...new Set(unsure.flatMap((s) => (s.regions === 'anywhere' ? [] : s.regions)))])
    const inside = unsure.every((s) => s.residency === 'unconfirmed')
    out.push(
      because(
        `${area}.model_residency_unconfirmed`,
        ['compliance.dataResidency'],
        inside
          ? `Your data must stay in ${where}, and the sources we read do not confirm where ${names} ${unsure.length > 1 ? 'process and keep' : 'processes and keeps'} requests; we assume ${assumed}. Get the region written into each data processing agreement before launch.`
          : `Your data must stay in ${where}, and the sources we read do not confirm that ${names} ${unsure.length > 1 ? 'process' : 'processes'} requests there; we assume ${assumed}. Until a provider confirms ${where} in writing (a model hosted by a cloud provider in a region there is the usual route), send each request only the text it needs, with names and identifiers stripped, and name the transfer in your privacy notice and data processing agreements.`,
      ),
    )
  }
  const noBaa = standing.filter((s) => s.baa === 'unconfirmed' || s.baa === 'does_not_fit')
  if (noBaa.length > 0) {
    out.push(
      because(
        `${area}.no_health_to_models`,
        HEALTH_INPUTS,
        `Health data needs a Business Associate Agreement (BAA) from every service that receives it, and the sources we read do not confirm one for ${listPhrase(noBaa.map((s) => s.name))} on the pay-as-you-go terms priced here. So no health detail goes into a prompt or an embedding until a signed BAA covers that API: strip it before the call, or keep those features to text without it.`,
      ),
    )
  }
  return out
}
