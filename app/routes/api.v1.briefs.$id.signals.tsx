import { endpoint } from '#app/api/endpoint.server.ts'
import { listSignalsHandler, recordSignalsHandler } from '#app/api/signals.server.ts'

export const loader = endpoint(
  { GET: listSignalsHandler, POST: recordSignalsHandler },
  { GET: 'brief:read', POST: 'checkin-token' },
)
export const action = loader
