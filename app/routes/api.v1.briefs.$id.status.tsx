import { endpoint } from '~/api/endpoint.server'
import { statusHandler } from '~/api/signals.server'

export const loader = endpoint({ GET: statusHandler }, { GET: 'brief:read' })
export const action = loader
