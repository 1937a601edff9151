import { getBriefHandler } from '#app/api/briefs.server.ts'
import { endpoint } from '#app/api/endpoint.server.ts'
import { deleteBriefHandler } from '#app/api/lifecycle.server.ts'

export const loader = endpoint(
  { GET: getBriefHandler, DELETE: deleteBriefHandler },
  { GET: 'brief:read', DELETE: 'brief:delete' },
)
export const action = loader
