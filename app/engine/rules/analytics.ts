import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const analytics: AreaRules = {
  area: 'analytics',
  decide: () => ({
    area: 'analytics',
    title: 'analytics',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('analytics.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
