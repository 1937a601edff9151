import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { BriefSection } from '#app/components/brief/section.tsx'
import { NewToken, TokenCreateForm, TokenTable } from '#app/components/revisit/tokens.tsx'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { publicOrigin } from '#app/web/load-context.ts'
import { createTokenFromForm, loadTokensPage } from './briefs.$id.tokens.server.ts'

/** /briefs/:id/tokens: make, list and revoke the tokens a script uses to post check-ins. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadTokensPage(request, context, params.id)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return createTokenFromForm(request, context, params.id, publicOrigin(context, request))
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Tokens: ${data.title} · stackbrief` : 'Brief not found · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function Tokens() {
  const { briefId, title, tokens, nameMaxLength, revoked } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <SiteLayout wide>
      <div className="revisit-page">
        <header className="brief-header">
          <p className="eyebrow brief-back">
            <Link to={`/briefs/${briefId}`}>{title}</Link>
          </p>
          <h1>Tokens for scripts</h1>
          <p className="lede">
            A token lets a script post check-ins to this brief, and nothing else. Make one per script, so you can revoke
            one without stopping the others.
          </p>
          {revoked ? (
            <p className="notice" role="status">
              Token “{revoked.name}” (<code>{revoked.prefix}…</code>) revoked. Requests that use it are now refused.
            </p>
          ) : null}
        </header>
        {actionData?.created ? <NewToken {...actionData.created} /> : null}
        <BriefSection id="tokens" title="Tokens">
          <TokenTable briefId={briefId} tokens={tokens} />
          <h3>Create a token</h3>
          <TokenCreateForm
            key={actionData?.created?.prefix ?? 'new'}
            briefId={briefId}
            value={actionData?.form?.name}
            error={actionData?.form?.error}
            maxLength={nameMaxLength}
          />
        </BriefSection>
        <p>
          <Link to={`/briefs/${briefId}/signals`}>Check-ins and charts</Link> ·{' '}
          <Link to={`/briefs/${briefId}`}>Back to the brief</Link>
        </p>
      </div>
    </SiteLayout>
  )
}

export const ErrorBoundary = BriefErrorBoundary
