import { renderToStaticMarkup } from 'react-dom/server'
import { BriefView } from '#app/components/brief/brief-view.tsx'
import { OverrideLinks } from '#app/components/brief/decision-details.tsx'
import { BRIEF_BODY_ID, InStaticHtml, type StaticHtmlSink } from '#app/components/static-html.tsx'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'

/**
 * The brief's sections as HTML, drawn once on the server. On a document
 * request it goes to the load context's sink and the loader sends nothing
 * (null); on a data request the loader sends it.
 */
export function briefBodyHtml(
  context: unknown,
  brief: Brief,
  answers: Answers,
  /** A key for this exact revision (revisions never change): its drawing is kept and reused. */
  cacheKey?: string,
  /** A saved brief's page: each decision links to the override form. */
  { overridable = false }: { overridable?: boolean } = {},
): string | null {
  const draw = () => drawBody(brief, answers, overridable)
  const html = cacheKey ? cachedBody(`${cacheKey}:${overridable}`, draw) : draw()
  const sink = (context as { staticHtml?: StaticHtmlSink } | undefined)?.staticHtml
  if (sink) {
    sink.set(BRIEF_BODY_ID, html)
    return null
  }
  return html
}

function drawBody(brief: Brief, answers: Answers, overridable: boolean): string {
  return renderToStaticMarkup(
    <InStaticHtml.Provider value={true}>
      <OverrideLinks.Provider value={overridable}>
        <BriefView brief={brief} answers={answers} />
      </OverrideLinks.Provider>
    </InStaticHtml.Provider>,
  )
}

/** The most recently drawn revisions, least recently used first out: at most BODY_CACHE_SIZE of about 130 KB each. */
const BODY_CACHE_SIZE = 64
const bodies = new Map<string, string>()

function cachedBody(key: string, draw: () => string): string {
  const found = bodies.get(key)
  if (found !== undefined) {
    bodies.delete(key)
    bodies.set(key, found)
    return found
  }
  const html = draw()
  bodies.set(key, html)
  if (bodies.size > BODY_CACHE_SIZE) bodies.delete(bodies.keys().next().value as string)
  return html
}

/** What the page itself still reads from the brief: the header's words and the cost chart's figures. */
export function briefHead(brief: Brief) {
  return {
    title: brief.title,
    summary: brief.summary.slice(0, 200),
    costs: { pricesAsOf: brief.costs.pricesAsOf, bands: brief.costs.bands },
  }
}

export type BriefHead = ReturnType<typeof briefHead>
