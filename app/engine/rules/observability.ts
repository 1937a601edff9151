import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const observability: AreaRules = {
  area: 'observability',
  decide: () => ({
    area: 'observability',
    title: 'observability',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('observability.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
