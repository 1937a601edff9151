import { Form, useNavigation } from '@remix-run/react'
import { TableScroll } from '#app/components/brief/section.tsx'
import { formatDateTime } from './format-date.ts'

export const SHARE_CREATE_INTENT = 'share-create'
export const SHARE_REVOKE_INTENT = 'share-revoke'

export interface ShareLinkView {
  id: string
  name: string
  revision: number | null
  prefix: string
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastOpenedAt: string | null
  state: 'live' | 'expired' | 'revoked'
}

export interface SharePanelData {
  links: readonly ShareLinkView[]
  headRevision: number
  nameMaxLength: number
  expiryDays: readonly number[]
  /** The link just revoked, from `?shareRevoked=`. */
  revoked: ShareLinkView | null
}

/** What a share form sends back: the new link (the one time it is shown), or the form as typed with its error. */
export interface ShareFormState {
  created: { url: string; name: string } | null
  form: { name: string; revision: string; expiresInDays: string; error: string } | null
}

/**
 * Read-only links to this brief for people without an account: made, listed
 * by their first characters, and revoked here. Only owners and admins see it.
 */
export function SharePanel({ panel, state }: { panel: SharePanelData; state?: ShareFormState | null }) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === SHARE_CREATE_INTENT
  const form = state?.form
  return (
    <section className="share-panel" id="share" aria-labelledby="share-title">
      <h2 id="share-title">Share links</h2>
      <p>
        A share link shows this brief and its downloads to anyone who has it, without an account, and nothing else in
        this workspace. Revoke it when it has done its work.
      </p>
      {panel.revoked ? (
        <p className="notice" role="status">
          Share link “{panel.revoked.name}” (<code>{panel.revoked.prefix}…</code>) revoked. It no longer opens the
          brief.
        </p>
      ) : null}
      {state?.created ? (
        <div className="new-token" role="status">
          <h3>Share link “{state.created.name}” created</h3>
          <p>
            <strong>Copy it now: it is not shown again.</strong> Anyone holding it can read this brief.
          </p>
          <pre className="new-token__value">
            <code>{state.created.url}</code>
          </pre>
        </div>
      ) : null}
      <ShareTable links={panel.links} />
      <h3>Create a share link</h3>
      <Form method="post" preventScrollReset className="token-form" noValidate>
        <input type="hidden" name="intent" value={SHARE_CREATE_INTENT} />
        {form?.error ? (
          <p id="share-error" className="field-error">
            {form.error}
          </p>
        ) : null}
        <p className="field">
          <label htmlFor="share-name">Who it is for</label>
          <input
            id="share-name"
            name="name"
            type="text"
            className="input"
            defaultValue={form?.name ?? ''}
            maxLength={panel.nameMaxLength}
            placeholder="board meeting, March"
            aria-describedby={form?.error ? 'share-error' : undefined}
            required
          />
        </p>
        <p className="field">
          <label htmlFor="share-revision">Shows</label>
          <select id="share-revision" name="revision" defaultValue={form?.revision ?? 'latest'}>
            <option value="latest">The latest revision, as the brief changes</option>
            <option value={String(panel.headRevision)}>Revision {panel.headRevision} only</option>
          </select>
        </p>
        <p className="field">
          <label htmlFor="share-expiry">Expires</label>
          <select id="share-expiry" name="expiresInDays" defaultValue={form?.expiresInDays ?? ''}>
            <option value="">Never (until revoked)</option>
            {panel.expiryDays.map((days) => (
              <option key={days} value={String(days)}>
                In {days} days
              </option>
            ))}
          </select>
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create a share link'}
        </button>
      </Form>
    </section>
  )
}

function ShareTable({ links }: { links: readonly ShareLinkView[] }) {
  if (links.length === 0) return <p>No share links yet.</p>
  return (
    <TableScroll label="Share links of this brief">
      <table className="data-table token-table stack-table">
        <thead>
          <tr>
            <th scope="col">For</th>
            <th scope="col">Link</th>
            <th scope="col">Shows</th>
            <th scope="col">Created</th>
            <th scope="col">Last opened</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.id} className={l.state === 'live' ? undefined : 'is-muted'}>
              <th scope="row">{l.name}</th>
              <td data-label="Link">
                <code>/s/{l.prefix}…</code>
              </td>
              <td data-label="Shows">{l.revision === null ? 'Latest revision' : `Revision ${l.revision}`}</td>
              <td data-label="Created">{formatDateTime(l.createdAt)}</td>
              <td data-label="Last opened">{l.lastOpenedAt ? formatDateTime(l.lastOpenedAt) : 'Never'}</td>
              <td data-label="Status">
                {l.state === 'revoked' && l.revokedAt ? <>Revoked {formatDateTime(l.revokedAt)}</> : null}
                {l.state === 'expired' && l.expiresAt ? <>Expired {formatDateTime(l.expiresAt)}</> : null}
                {l.state === 'live' ? (
                  <Form method="post" preventScrollReset className="inline-form">
                    {l.expiresAt ? <span>Expires {formatDateTime(l.expiresAt)} </span> : null}
                    <input type="hidden" name="intent" value={SHARE_REVOKE_INTENT} />
                    <input type="hidden" name="linkId" value={l.id} />
                    <button type="submit" className="button button--quiet button--small">
                      Revoke<span className="visually-hidden"> the share link {l.name}</span>
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
