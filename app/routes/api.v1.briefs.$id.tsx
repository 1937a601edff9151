import { getBriefHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint({ GET: getBriefHandler })
export const action = loader
