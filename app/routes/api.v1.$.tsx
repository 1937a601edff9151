import { unknownPathHandler } from '#app/api/meta.server.ts'

/** Any other path under /api/v1, with any method: a 404 problem rather than the HTML not-found page. */
export const loader = unknownPathHandler
export const action = unknownPathHandler
