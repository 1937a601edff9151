import { endpoint } from '~/api/endpoint.server'
import { getSignalsHandler } from '~/api/signals.server'

export const loader = endpoint({ GET: getSignalsHandler }, { GET: 'brief:read' })
export const action = loader
