import { previewBriefHandler } from '#app/api/briefs.server.ts'
import { endpoint } from '#app/api/endpoint.server.ts'

export const loader = endpoint({ POST: previewBriefHandler }, { POST: 'public' })
export const action = loader
