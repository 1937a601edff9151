import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const framework: AreaRules = {
  area: 'framework',
  decide: () => ({
    area: 'framework',
    title: 'framework',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('framework.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
