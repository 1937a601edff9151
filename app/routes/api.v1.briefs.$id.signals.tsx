import { endpoint } from '~/api/endpoint.server'
import { listSignalsHandler, recordSignalsHandler } from '~/api/signals.server'

export const loader = endpoint(
  { GET: listSignalsHandler, POST: recordSignalsHandler },
  { GET: 'brief:read', POST: 'checkin-token' },
)
export const action = loader
