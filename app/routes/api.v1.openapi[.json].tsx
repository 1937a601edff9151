import { endpoint } from '#app/api/endpoint.server.ts'
import { openApiHandler } from '#app/api/meta.server.ts'

export const loader = endpoint({ GET: openApiHandler }, { GET: 'public' })
export const action = loader
