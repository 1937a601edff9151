import { endpoint } from '~/api/endpoint.server'
import { openApiHandler } from '~/api/meta.server'

export const loader = endpoint({ GET: openApiHandler }, { GET: 'public' })
export const action = loader
