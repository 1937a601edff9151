import { createContext, useContext } from 'react'

/**
 * Parts of a page that never change after the server drew them (a brief's
 * sections) are sent once, as HTML, instead of as HTML plus the data to draw
 * them again in the browser. On a document request the loader leaves the
 * HTML in the request's load context (`StaticHtmlSink`) and the server render
 * writes it from there; hydration then keeps the server's DOM as it is. On a
 * data request (a navigation inside the app) the loader sends the HTML itself.
 */

export type StaticHtmlSink = Map<string, string>

/** The element a saved brief's sections are drawn into. */
export const BRIEF_BODY_ID = 'brief-body'

/** True inside a part drawn as static HTML: links there are plain anchors, with no router to hand them to. */
export const InStaticHtml = createContext(false)

export const StaticHtmlContext = createContext<StaticHtmlSink | null>(null)

export function StaticHtml({ id, html, className }: { id: string; html: string | null; className?: string }) {
  const sink = useContext(StaticHtmlContext)
  const markup = html ?? sink?.get(id) ?? ''
  // With no markup (hydrating a document), React leaves the server's children alone.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the markup is our own renderToStaticMarkup output, every text in it escaped by React
  return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: markup }} suppressHydrationWarning />
}
