import { endpoint } from '#app/api/endpoint.server.ts'
import { exportHandler } from '#app/api/lifecycle.server.ts'

export const loader = endpoint({ GET: exportHandler }, { GET: 'brief:read' })
export const action = loader
