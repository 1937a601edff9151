import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const database: AreaRules = {
  area: 'database',
  decide: () => ({
    area: 'database',
    title: 'database',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('database.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
