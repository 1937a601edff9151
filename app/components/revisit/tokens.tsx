import { Form, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { TableScroll } from '#app/components/brief/section.tsx'
import { useHydrated } from '#app/components/client-only.tsx'
import type { TokenRow } from '#app/components/rows.ts'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'

export function tokensPath(briefId: string): string {
  return `/briefs/${encodeURIComponent(briefId)}/tokens`
}

/** Every token of a brief by its first characters: never the token itself, which is shown once when made. */
export function TokenTable({
  briefId,
  tokens,
  revocable = true,
}: {
  briefId: string
  tokens: readonly TokenRow[]
  /** False for an identity that may not revoke: the status without the button. */
  revocable?: boolean
}) {
  if (tokens.length === 0) return <p>No tokens yet.</p>
  return (
    <TableScroll label="Tokens of this brief">
      <table className="data-table token-table stack-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className={t.revokedAt ? 'is-muted' : undefined}>
              <th scope="row">{t.name}</th>
              <td data-label="Token">
                <code>{t.prefix}…</code>
              </td>
              <td data-label="Created">{formatDateTime(t.createdAt)}</td>
              <td data-label="Last used">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
              <td data-label="Status">
                {t.revokedAt ? (
                  <>Revoked {formatDateTime(t.revokedAt)}</>
                ) : !revocable ? (
                  'Live'
                ) : (
                  <Form method="get" action={`${tokensPath(briefId)}/${encodeURIComponent(t.id)}/revoke`}>
                    <button type="submit" className="button button--quiet button--small">
                      Revoke…<span className="visually-hidden"> the token {t.name}</span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

export function TokenCreateForm({
  briefId,
  value = '',
  error = null,
  maxLength = 80,
}: {
  briefId: string
  value?: string
  error?: string | null
  maxLength?: number
}) {
  const action = tokensPath(briefId)
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formAction === action
  return (
    <Form method="post" action={action} className="token-form" noValidate>
      <label htmlFor="token-name">Name the script that will use it</label>
      {error ? (
        <p id="token-name-error" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="search-form__row">
        <input
          id="token-name"
          name="name"
          type="text"
          className="input"
          defaultValue={value}
          maxLength={maxLength}
          placeholder="nightly metrics job"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'token-name-error' : undefined}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create a token'}
        </button>
      </div>
    </Form>
  )
}

/** The one time a token is shown: the token to copy, and a curl line that posts a check-in with it. */
export function NewToken({ token, name, curl }: { token: string; name: string; curl: string }) {
  return (
    <section className="new-token" aria-labelledby="new-token-title">
      <h2 id="new-token-title">Token “{name}” created</h2>
      <p>
        <strong>Copy it now: it is not shown again.</strong> Only its first characters are kept in the list. Keep it
        where your script reads secrets; anyone holding it can post check-ins to this brief.
      </p>
      <CodeBlock label="Token" text={token} className="new-token__value" />
      <p>Post a check-in with it (any figures you measure; every one optional):</p>
      <CodeBlock label="Example request" text={curl} />
    </section>
  )
}

function CodeBlock({ label, text, className }: { label: string; text: string; className?: string }) {
  const hydrated = useHydrated()
  const [copied, setCopied] = useState(false)
  return (
    <div className="code-block">
      <pre className={className}>
        <code>{text}</code>
      </pre>
      {hydrated ? (
        <button
          type="button"
          className="button button--quiet button--small code-block__copy"
          onClick={() => {
            navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }}
        >
          {copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
        </button>
      ) : null}
    </div>
  )
}
