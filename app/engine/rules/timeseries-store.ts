import type { AreaRules } from './types'
import { because } from './types'

// PLACEHOLDER: replaced by the real rules for this area.
export const timeseriesStore: AreaRules = {
  area: 'timeseries_store',
  decide: () => ({
    area: 'timeseries_store',
    title: 'timeseries_store',
    choice: { id: 'none', name: 'Not decided yet' },
    status: 'adopt',
    because: [because('timeseries_store.placeholder', [], 'Placeholder until the rules for this area land.')],
    alternatives: [],
    revisitWhen: [],
    guide: 'default-stack',
  }),
  triggers: [],
}
