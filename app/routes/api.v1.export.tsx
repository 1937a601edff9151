import { endpoint } from '~/api/endpoint.server'
import { exportHandler } from '~/api/lifecycle.server'

export const loader = endpoint({ GET: exportHandler })
export const action = loader
