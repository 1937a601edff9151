import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const cache: AreaRules = {
  area: 'cache',
  decide: () => ({
    area: 'cache',
    title: 'cache',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('cache.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
