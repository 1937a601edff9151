import type { Decision } from '../brief'
import { callsModels } from '../costs/usage'
import { type AreaRules, because } from './types'

const TITLE = 'Language models'

/** AI products call a hosted model through its API; nobody trains or hosts one for a first release. */
export const llm: AreaRules = {
  area: 'llm',
  decide(a): Decision {
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
    return {
      area: 'llm',
      title: TITLE,
      choice: { id: 'hosted_llm_api', name: 'A hosted model through its API (Claude Haiku 4.5)', vendor: 'anthropic' },
      status: 'adopt',
      because: [
        because(
          'llm.hosted_api',
          ['product.shape', 'load.activeUsersIn12Months'],
          'Call a hosted model through its API and pay per token: the smallest capable model first, a larger one only for the requests that measurably need it. Keep prompts and model names in one module so a change of model is one change.',
        ),
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
