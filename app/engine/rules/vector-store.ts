import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const vectorStore: AreaRules = {
  area: 'vector_store',
  decide: () => ({
    area: 'vector_store',
    title: 'vector_store',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('vector_store.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
