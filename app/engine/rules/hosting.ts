import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const hosting: AreaRules = {
  area: 'hosting',
  decide: () => ({
    area: 'hosting',
    title: 'hosting',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('hosting.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
