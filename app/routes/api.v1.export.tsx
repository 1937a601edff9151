import { endpoint } from '~/api/endpoint.server'
import { exportHandler } from '~/api/lifecycle.server'

export const loader = endpoint({ GET: exportHandler }, { GET: 'brief:read' })
export const action = loader
