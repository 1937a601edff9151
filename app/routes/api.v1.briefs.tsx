import { createBriefHandler, listBriefsHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint(
  { GET: listBriefsHandler, POST: createBriefHandler },
  { GET: 'brief:read', POST: 'brief:create' },
)
export const action = loader
