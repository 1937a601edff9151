import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const api: AreaRules = {
  area: 'api',
  decide: () => ({
    area: 'api',
    title: 'api',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('api.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
