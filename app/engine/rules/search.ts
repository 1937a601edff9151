import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const search: AreaRules = {
  area: 'search',
  decide: () => ({
    area: 'search',
    title: 'search',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('search.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
