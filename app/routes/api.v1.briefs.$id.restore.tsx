import { endpoint } from '~/api/endpoint.server'
import { restoreBriefHandler } from '~/api/lifecycle.server'

export const loader = endpoint({ POST: restoreBriefHandler })
export const action = loader
