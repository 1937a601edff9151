import { previewBriefHandler } from '~/api/briefs.server'
import { endpoint } from '~/api/endpoint.server'

export const loader = endpoint({ POST: previewBriefHandler })
export const action = loader
