import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react'
import { BriefContents } from '#app/components/brief/brief-view.tsx'
import { CostChartIsland } from '#app/components/brief/cost-chart-island.tsx'
import { NotFoundChoices } from '#app/components/not-found-choices.tsx'
import { PrintButton } from '#app/components/print-button.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { BRIEF_BODY_ID, StaticHtml } from '#app/components/static-html.tsx'
import { findExample, listExampleCards } from '#app/services/examples.server.ts'
import { briefBodyHtml, briefHead } from '#app/web/brief-body.server.tsx'

interface ExampleNotFound {
  message: string
  examples: { name: string; product: string }[]
}

function isExampleNotFound(data: unknown): data is ExampleNotFound {
  return typeof data === 'object' && data !== null && 'message' in data && 'examples' in data
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const name = params.name ?? ''
  const example = findExample(name)
  if (!example) {
    const notFound: ExampleNotFound = {
      message: `There is no example brief called “${name}”. Pick one of these:`,
      examples: listExampleCards().map(({ name, product }) => ({ name, product })),
    }
    throw Response.json(notFound, { status: 404, statusText: 'Not Found' })
  }
  // The sections go once, as HTML; the page reads only the header's words and the chart's figures.
  const { brief, answers } = example
  return {
    name: example.name,
    description: example.description,
    brief: { ...briefHead(brief), engineVersion: brief.engineVersion, catalogVersion: brief.catalogVersion },
    bodyHtml: briefBodyHtml(context, brief, answers, `example:${example.name}`),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Example not found · stackbrief' }]
  return [
    { title: `${data.brief.title}: example architecture brief · stackbrief` },
    { name: 'description', content: data.description || data.brief.summary.slice(0, 200) },
  ]
}

export default function ExampleBrief() {
  const { name, description, brief, bodyHtml } = useLoaderData<typeof loader>()
  return (
    <SiteLayout wide>
      <div className="brief-layout">
        <header className="brief-header">
          <p className="eyebrow">
            <Link to="/#examples">Example brief</Link>
          </p>
          <h1>{brief.title}</h1>
          {description ? <p className="lede">{description}</p> : null}
          <p className="brief-actions">
            <a className="button" href={`/examples/${name}.md`} download={`${name}.md`}>
              Download Markdown
            </a>
            <a className="button" href={`/examples/${name}/brief.pdf`} download={`${name}.pdf`}>
              Download PDF
            </a>
            <a className="button" href={`/examples/${name}/adr.zip`} download={`${name}-decisions.zip`}>
              Decision records (zip)
            </a>
            <a className="button" href={`/examples/${name}/radar.csv`} download={`${name}-radar.csv`}>
              Tech radar (CSV)
            </a>
            <a className="button" href={`/examples/${name}/radar.json`} download={`${name}-radar.json`}>
              Tech radar (JSON)
            </a>
            <PrintButton />
          </p>
          <p className="brief-meta">
            Prices as of {brief.costs.pricesAsOf} · engine {brief.engineVersion} · catalog {brief.catalogVersion}
          </p>
        </header>
        <aside className="brief-aside">
          <BriefContents />
        </aside>
        <div className="brief-main">
          <StaticHtml id={BRIEF_BODY_ID} html={bodyHtml} />
          <CostChartIsland costs={brief.costs} body={bodyHtml} />
        </div>
      </div>
    </SiteLayout>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = isRouteErrorResponse(error) && error.status === 404 ? error.data : null
  return (
    <NotFoundChoices
      found={
        isExampleNotFound(data)
          ? {
              message: data.message,
              choices: data.examples.map((e) => ({
                to: `/examples/${e.name}`,
                label: (
                  <>
                    <Link to={`/examples/${e.name}`}>{e.product}</Link>{' '}
                    <span className="cell-note-inline">({e.name})</span>
                  </>
                ),
              })),
            }
          : null
      }
      titles={{ notFound: 'Example not found', failed: 'This brief could not be shown' }}
      failed="Something went wrong while building this brief. Try again in a moment."
      back={{ to: '/#examples', label: 'All example briefs' }}
    />
  )
}
