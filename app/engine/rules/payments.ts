import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const payments: AreaRules = {
  area: 'payments',
  decide: () => ({
    area: 'payments',
    title: 'payments',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('payments.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
