import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const tenancy: AreaRules = {
  area: 'tenancy',
  decide: () => ({
    area: 'tenancy',
    title: 'tenancy',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('tenancy.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
