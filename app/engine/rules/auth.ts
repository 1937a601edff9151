import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const auth: AreaRules = {
  area: 'auth',
  decide: () => ({
    area: 'auth',
    title: 'auth',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('auth.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
