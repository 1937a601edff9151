import { previewBriefHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint({ POST: previewBriefHandler }, { POST: 'public' })
export const action = loader
