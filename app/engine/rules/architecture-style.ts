import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const architectureStyle: AreaRules = {
  area: 'architecture_style',
  decide: () => ({
    area: 'architecture_style',
    title: 'architecture_style',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('architecture_style.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
