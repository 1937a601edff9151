import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const documentStore: AreaRules = {
  area: 'document_store',
  decide: () => ({
    area: 'document_store',
    title: 'document_store',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('document_store.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
