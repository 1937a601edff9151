import { createBriefHandler, listBriefsHandler } from '#app/api/briefs.server.ts'
import { endpoint } from '#app/api/endpoint.server.ts'

export const loader = endpoint(
  { GET: listBriefsHandler, POST: createBriefHandler },
  { GET: 'brief:read', POST: 'brief:create' },
)
export const action = loader
