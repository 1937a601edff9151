import { endpoint } from '~/api/endpoint.server'
import { restoreBriefHandler } from '~/api/lifecycle.server'

export const loader = endpoint({ POST: restoreBriefHandler }, { POST: 'brief:delete' })
export const action = loader
