import { addRevisionHandler, listRevisionsHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint(
  { GET: listRevisionsHandler, POST: addRevisionHandler },
  { GET: 'brief:read', POST: 'brief:revise' },
)
export const action = loader
