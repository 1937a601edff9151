import { getRevisionHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint({ GET: getRevisionHandler })
export const action = loader
