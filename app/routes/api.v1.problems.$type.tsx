import { endpoint } from '#app/api/endpoint.server.ts'
import { problemTypeHandler } from '#app/api/meta.server.ts'

export const loader = endpoint({ GET: problemTypeHandler }, { GET: 'public' })
export const action = loader
