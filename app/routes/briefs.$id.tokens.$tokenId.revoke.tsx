import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { loadRevokePage, revokeFromForm } from './briefs.$id.tokens.server.ts'

/** /briefs/:id/tokens/:tokenId/revoke: "are you sure?" as a page, so revoking needs no script. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadRevokePage(request, context, params.id, params.tokenId)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return revokeFromForm(request, context, params.id, params.tokenId)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Revoke token “${data.token.name}” · stackbrief` : 'Token not found · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function RevokeToken() {
  const { briefId, title, token } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const back = `/briefs/${briefId}/tokens`
  return (
    <SiteLayout>
      <p className="eyebrow brief-back">
        <Link to={`/briefs/${briefId}`}>{title}</Link>
      </p>
      <h1>Revoke token “{token.name}”?</h1>
      {token.revokedAt ? (
        <>
          <p>This token was revoked {formatDateTime(token.revokedAt)}. There is nothing more to do.</p>
          <p>
            <Link className="button button--quiet" to={back}>
              Back to the tokens
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>
            The token starting <code>{token.prefix}</code>, created {formatDateTime(token.createdAt)}
            {token.lastUsedAt ? `, last used ${formatDateTime(token.lastUsedAt)}` : ', never used'}. Once revoked, every
            request that uses it is refused, for good. A script that still needs to post check-ins will need a new
            token.
          </p>
          <Form method="post" className="hero__actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              {busy ? 'Revoking…' : 'Revoke the token'}
            </button>
            <Link className="button button--quiet" to={back}>
              Keep it
            </Link>
          </Form>
        </>
      )}
    </SiteLayout>
  )
}

export const ErrorBoundary = BriefErrorBoundary
