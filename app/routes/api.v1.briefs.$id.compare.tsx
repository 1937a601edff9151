import { endpoint } from '~/api/endpoint.server'
import { compareHandler } from '~/api/signals.server'

export const loader = endpoint({ GET: compareHandler }, { GET: 'brief:read' })
export const action = loader
