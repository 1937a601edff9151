import { getBriefHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'
import { deleteBriefHandler } from '~/api/lifecycle.server'

export const loader = endpoint(
  { GET: getBriefHandler, DELETE: deleteBriefHandler },
  { GET: 'brief:read', DELETE: 'brief:delete' },
)
export const action = loader
