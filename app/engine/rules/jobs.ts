import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const jobs: AreaRules = {
  area: 'jobs',
  decide: () => ({
    area: 'jobs',
    title: 'jobs',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('jobs.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
