import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const email: AreaRules = {
  area: 'email',
  decide: () => ({
    area: 'email',
    title: 'email',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('email.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
