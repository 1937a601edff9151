import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const deployRegions: AreaRules = {
  area: 'deploy_regions',
  decide: () => ({
    area: 'deploy_regions',
    title: 'deploy_regions',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('deploy_regions.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
