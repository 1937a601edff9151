import { getRevisionHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint({ GET: getRevisionHandler }, { GET: 'brief:read' })
export const action = loader
