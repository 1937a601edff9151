import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { loadDeletedPage, restoreFromForm } from './briefs.$id.delete.server.ts'

/** /deleted: briefs deleted in the last 30 days, each with a Restore button. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadDeletedPage(request, context)
}

export async function action({ request, context }: ActionFunctionArgs) {
  return restoreFromForm(request, context)
}

export const meta: MetaFunction = () => [
  { title: 'Recently deleted · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function RecentlyDeleted() {
  const { items, graceDays, justDeleted } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const restoring = navigation.state === 'submitting' ? navigation.formData?.get('briefId') : null
  return (
    <SiteLayout>
      <p className="eyebrow brief-back">
        <Link to="/#your-briefs">Your briefs</Link>
      </p>
      <h1>Recently deleted</h1>
      {justDeleted ? (
        <p className="notice notice--ok" role="status">
          “{justDeleted.title}” was deleted. It can be restored here until {formatDateTime(justDeleted.purgeAfter)}.
        </p>
      ) : null}
      {actionData && 'error' in actionData ? (
        <p className="notice" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <p className="section-intro">
        A deleted brief stays here for {graceDays} days and can be restored with its revisions, check-ins and tokens as
        they were. After that it is removed for good.
      </p>
      {items.length === 0 ? (
        <p>Nothing deleted in the last {graceDays} days.</p>
      ) : (
        <ul className="saved-list" aria-label="Recently deleted briefs">
          {items.map((brief) => (
            <li key={brief.id} className="saved-list__item">
              <span className="saved-list__title">{brief.title}</span>
              <span className="saved-list__meta">
                {brief.headRevision === 1 ? '1 revision' : `${brief.headRevision} revisions`} · deleted{' '}
                {formatDateTime(brief.deletedAt)} · removed for good after {formatDateTime(brief.purgeAfter)}
              </span>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="restore" />
                <input type="hidden" name="briefId" value={brief.id} />
                <button
                  type="submit"
                  className="button button--quiet"
                  disabled={restoring === brief.id}
                  aria-label={`Restore “${brief.title}”`}
                >
                  {restoring === brief.id ? 'Restoring…' : 'Restore'}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </SiteLayout>
  )
}
