import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CREATE_KEY_INTENT, REVOKE_KEY_INTENT } from '#app/components/settings/api-keys-intents.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { apiKeysAction, loadApiKeys } from './settings.api-keys.server.ts'

export const meta: MetaFunction = () => [{ title: 'API keys · stackbrief' }, { name: 'robots', content: 'noindex' }]

export const loader = ({ request, context }: LoaderFunctionArgs) => loadApiKeys(request, context)
export const action = ({ request, context }: ActionFunctionArgs) => apiKeysAction(request, context)

export default function ApiKeys() {
  const { account, keys, revoked } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <SiteLayout>
      <p className="eyebrow brief-back">
        <Link to="/settings">Settings</Link>
      </p>
      <h1>API keys</h1>
      <p>
        A key lets a script or a CI job use the API as you, in your workspace, with your role: send it as{' '}
        <code>Authorization: Bearer sbk_…</code>. Check-ins can also use a brief&apos;s own check-in token, which opens
        nothing else.
      </p>
      {!account ? (
        <p className="notice" role="note">
          Keys belong to an account. <Link to="/sign-up?returnTo=/settings/api-keys">Make an account</Link> first; your
          briefs come along.
        </p>
      ) : (
        <>
          {revoked ? (
            <p className="notice notice--ok" role="status">
              The key was revoked: requests with it are refused from now on.
            </p>
          ) : null}
          {reply?.created ? (
            <div className="notice notice--ok" role="status">
              <p>The key “{reply.created.name}”, shown this once: copy it now.</p>
              <pre>
                <code>{reply.created.key}</code>
              </pre>
            </div>
          ) : null}
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value={CREATE_KEY_INTENT} />
            <label htmlFor="key-name">Name of the script or job</label>
            {reply?.error ? (
              <p id="key-name-error" className="field-error">
                {reply.error}
              </p>
            ) : null}
            <input
              id="key-name"
              name="name"
              type="text"
              defaultValue={reply?.name ?? ''}
              required
              aria-invalid={reply?.error ? true : undefined}
              aria-describedby={reply?.error ? 'key-name-error' : undefined}
            />
            <p>
              <button type="submit" className="button">
                Make a key
              </button>
            </p>
          </Form>
          <h2>Your keys</h2>
          {keys.length === 0 ? <p>No live keys.</p> : null}
          <ul>
            {keys.map((key) => (
              <li key={key.id}>
                {key.name} (ends in <code>{key.hint}</code>), made {key.createdAt.slice(0, 10)}
                {key.lastUsedAt ? `, last used ${key.lastUsedAt.slice(0, 10)}` : ', never used'}{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value={REVOKE_KEY_INTENT} />
                  <input type="hidden" name="keyId" value={key.id} />
                  <button type="submit" className="link-button">
                    Revoke
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </SiteLayout>
  )
}
