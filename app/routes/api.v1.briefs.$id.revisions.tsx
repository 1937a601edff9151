import { addRevisionHandler, listRevisionsHandler } from '#app/api/briefs.server.ts'
import { endpoint } from '#app/api/endpoint.server.ts'

export const loader = endpoint(
  { GET: listRevisionsHandler, POST: addRevisionHandler },
  { GET: 'brief:read', POST: 'brief:revise' },
)
export const action = loader
