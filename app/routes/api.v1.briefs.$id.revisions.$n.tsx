import { getRevisionHandler } from '#app/api/briefs.server.ts'
import { endpoint } from '#app/api/endpoint.server.ts'

export const loader = endpoint({ GET: getRevisionHandler }, { GET: 'brief:read' })
export const action = loader
