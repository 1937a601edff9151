import { endpoint } from '#app/api/endpoint.server.ts'
import { restoreBriefHandler } from '#app/api/lifecycle.server.ts'

export const loader = endpoint({ POST: restoreBriefHandler }, { POST: 'brief:delete' })
export const action = loader
