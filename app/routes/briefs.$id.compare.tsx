import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CompareView, RevisionPicker } from '#app/components/revisit/compare-view.tsx'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { loadComparison } from './briefs.$id.compare.server.ts'

/** /briefs/:id/compare?from=&to=: what moved between two revisions, the latest two unless chosen. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadComparison(request, context, params.id)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: !data
      ? 'Brief not found · stackbrief'
      : data.kind === 'single'
        ? `Compare: ${data.title} · stackbrief`
        : `What changed, revision ${data.from.number} to ${data.to.number}: ${data.title} · stackbrief`,
  },
  { name: 'robots', content: 'noindex' },
]

export default function Compare() {
  const page = useLoaderData<typeof loader>()
  const { briefId } = page
  const base = `/briefs/${briefId}`
  return (
    <SiteLayout wide>
      <div className="revisit-page">
        <header className="brief-header">
          <p className="eyebrow brief-back">
            <Link to={base}>{page.title}</Link>
          </p>
          <h1>What changed</h1>
          {page.kind === 'single' ? (
            <p className="lede">
              This brief has one revision, so there is nothing to compare yet. A new revision comes from editing the
              answers or from updating them with a check-in’s figures.
            </p>
          ) : (
            <>
              <p className="brief-meta">
                From <Link to={`${base}/revisions/${page.from.number}`}>revision {page.from.number}</Link> (
                {formatDateTime(page.from.createdAt)}) to{' '}
                <Link to={`${base}/revisions/${page.to.number}`}>revision {page.to.number}</Link> (
                {formatDateTime(page.to.createdAt)})
              </p>
              <div className="compare-controls">
                <RevisionPicker
                  key={`${page.from.number}-${page.to.number}`}
                  briefId={briefId}
                  revisions={page.revisions}
                  from={page.from.number}
                  to={page.to.number}
                />
                <a
                  className="button"
                  href={`${base}/compare.md?from=${page.from.number}&to=${page.to.number}`}
                  download
                >
                  Download Markdown
                </a>
              </div>
            </>
          )}
        </header>
        {page.kind === 'single' ? (
          <p className="hero__actions">
            <Link className="button" to={base}>
              Back to the brief
            </Link>
            <Link className="button button--quiet" to={`${base}/signals`}>
              Check-ins
            </Link>
          </p>
        ) : (
          <CompareView diff={page.diff} empty={page.empty} />
        )}
      </div>
    </SiteLayout>
  )
}

export const ErrorBoundary = BriefErrorBoundary
