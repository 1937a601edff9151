import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const fileStorage: AreaRules = {
  area: 'file_storage',
  decide: () => ({
    area: 'file_storage',
    title: 'file_storage',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('file_storage.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
