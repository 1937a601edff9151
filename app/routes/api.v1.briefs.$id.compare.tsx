import { endpoint } from '#app/api/endpoint.server.ts'
import { compareHandler } from '#app/api/signals.server.ts'

export const loader = endpoint({ GET: compareHandler }, { GET: 'brief:read' })
export const action = loader
