import type { Request, Response } from 'express'
import { ApiProblem, PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ProblemType, problemBody } from '#app/api/problem.ts'

/**
 * How the server turns a request away before it reaches the app: problem
 * details under /api (what a script can branch on), a short page elsewhere
 * (what a person sees). Small and fixed: nothing from the request is echoed.
 */

export interface Refusal {
  status: number
  problem: ProblemType
  detail: string
  headers?: Record<string, string>
  /** Outside /api: a line of plain text rather than a short page. */
  plain?: boolean
}

export function refuse(req: Request, res: Response, refusal: Refusal): void {
  res.status(refusal.status).set('Cache-Control', 'no-store')
  if (refusal.headers) res.set(refusal.headers)
  if (req.path === '/api' || req.path.startsWith('/api/')) {
    const body = problemBody(new ApiProblem(refusal.problem, refusal.detail), res.locals.requestId)
    res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body))
    return
  }
  const title = PROBLEM_TYPES[refusal.problem].title
  if (refusal.plain) {
    res.type('text/plain; charset=utf-8').send(`${title}: ${refusal.detail}\n`)
    return
  }
  res
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${refusal.status} ${title}</title>` +
        `<h1>${title}</h1><p>${refusal.detail}</p></html>\n`,
    )
}
