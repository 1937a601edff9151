import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { deleteFromForm, loadDeletePage } from './briefs.$id.delete.server.ts'

/** /briefs/:id/delete: "are you sure?" as a page, so deleting needs no script. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadDeletePage(request, context, params.id)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return deleteFromForm(request, context, params.id)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Delete “${data.title}” · stackbrief` : 'Brief not found · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function DeleteBrief() {
  const { briefId, title, headRevision, graceDays } = useLoaderData<typeof loader>()
  const busy = useNavigation().state === 'submitting'
  return (
    <SiteLayout>
      <p className="eyebrow brief-back">
        <Link to={`/briefs/${briefId}`}>{title}</Link>
      </p>
      <h1>Delete “{title}”?</h1>
      <p>
        The brief, its {headRevision === 1 ? 'revision' : `${headRevision} revisions`}, its check-ins and its tokens
        disappear from every page, download and API answer at once, and its tokens stop working. For {graceDays} days it
        waits in <Link to="/deleted">Recently deleted</Link>, where it can be restored as it was; after that it is
        removed for good.
      </p>
      <Form method="post" className="hero__actions">
        <button type="submit" className="button button--danger" disabled={busy}>
          {busy ? 'Deleting…' : 'Delete the brief'}
        </button>
        <Link className="button button--quiet" to={`/briefs/${briefId}`}>
          Keep it
        </Link>
      </Form>
    </SiteLayout>
  )
}

export const ErrorBoundary = BriefErrorBoundary
