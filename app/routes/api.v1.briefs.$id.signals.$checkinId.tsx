import { endpoint } from '#app/api/endpoint.server.ts'
import { getSignalsHandler } from '#app/api/signals.server.ts'

export const loader = endpoint({ GET: getSignalsHandler }, { GET: 'brief:read' })
export const action = loader
