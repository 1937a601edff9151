import { endpoint } from '~/api/endpoint.server'
import { problemTypeHandler } from '~/api/meta.server'

export const loader = endpoint({ GET: problemTypeHandler }, { GET: 'public' })
export const action = loader
