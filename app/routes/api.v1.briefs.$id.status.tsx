import { endpoint } from '#app/api/endpoint.server.ts'
import { statusHandler } from '#app/api/signals.server.ts'

export const loader = endpoint({ GET: statusHandler }, { GET: 'brief:read' })
export const action = loader
