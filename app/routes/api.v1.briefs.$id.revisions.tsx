import { addRevisionHandler, listRevisionsHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint({ GET: listRevisionsHandler, POST: addRevisionHandler })
export const action = loader
