import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const repo: AreaRules = {
  area: 'repo',
  decide: () => ({
    area: 'repo',
    title: 'repo',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('repo.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
