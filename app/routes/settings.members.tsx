import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import { MEMBER_INTENTS } from '#app/components/settings/members-intents.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { loadMembersPage, membersAction } from './settings.members.server.ts'

export const meta: MetaFunction = () => [{ title: 'Members · stackbrief' }, { name: 'robots', content: 'noindex' }]

export const loader = ({ request, context }: LoaderFunctionArgs) => loadMembersPage(request, context)
export const action = ({ request, context }: ActionFunctionArgs) => membersAction(request, context)

const ROLE_WORDS = {
  owner: 'Owner: everything, including owners',
  admin: 'Admin: everything but owners',
  editor: 'Editor: writes and revises briefs',
  viewer: 'Viewer: reads briefs',
} as const

export default function Members() {
  const page = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  if (!page.account) {
    return (
      <SiteLayout>
        <h1>Members</h1>
        <p className="notice" role="note">
          A workspace with members belongs to an account.{' '}
          <Link to="/sign-up?returnTo=/settings/members">Make an account</Link> first; your briefs come along.
        </p>
      </SiteLayout>
    )
  }
  const { workspace, you, members, invitations, memberships, can, invitableRoles, done } = page
  return (
    <SiteLayout>
      <p className="eyebrow brief-back">
        <Link to="/settings">Settings</Link>
      </p>
      <h1>Members of {workspace.name}</h1>
      <p>
        You are {ROLE_WORDS[you.role].split(':')[0].toLowerCase()} here. Everyone listed sees this workspace&apos;s
        briefs; what else they may do follows their role.
      </p>
      {done ? (
        <p className="notice notice--ok" role="status">
          {done}
        </p>
      ) : null}
      {reply?.error ? (
        <p className="notice field-error" role="alert">
          {reply.error}
        </p>
      ) : null}
      {reply?.invited ? (
        <div className="notice notice--ok" role="status">
          <p>
            Invitation for {reply.invited.email} as {reply.invited.role}. Send them this link (shown this once, and
            written to the server log); it works for 7 days, for an account with that address:
          </p>
          <pre className="new-token__value">
            <code>{reply.invited.url}</code>
          </pre>
        </div>
      ) : null}

      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <table className="data-table stack-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              {can.invite || can.remove ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">
                  {m.name}
                  {m.userId === you.userId ? ' (you)' : ''}
                </th>
                <td data-label="Email">{m.email}</td>
                <td data-label="Role">{m.role}</td>
                <td data-label="Joined">{formatDateTime(m.joinedAt)}</td>
                {can.invite || can.remove ? (
                  <td data-label="Change">
                    {can.invite ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value={MEMBER_INTENTS.changeRole} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                          Role of {m.name}
                        </label>
                        <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                          {(['owner', 'admin', 'editor', 'viewer'] as const).map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>{' '}
                        <button type="submit" className="button button--quiet button--small">
                          Change role<span className="visually-hidden"> of {m.name}</span>
                        </button>
                      </Form>
                    ) : null}
                    {can.remove ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value={MEMBER_INTENTS.remove} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="button button--quiet button--small">
                          Remove<span className="visually-hidden"> {m.name}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {can.invite ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">Invite someone</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value={MEMBER_INTENTS.invite} />
            <p className="field">
              <label htmlFor="invite-email">Their email address</label>
              <input
                id="invite-email"
                name="email"
                type="email"
                className="input"
                defaultValue={reply?.email ?? ''}
                required
              />
            </p>
            <p className="field">
              <label htmlFor="invite-role">Role</label>
              <select id="invite-role" name="role" defaultValue="viewer">
                {invitableRoles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_WORDS[r]}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <button type="submit" className="button">
                Make an invitation link
              </button>
            </p>
          </Form>
          <h3>Pending invitations</h3>
          {invitations.length === 0 ? <p>None.</p> : null}
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} as {i.role} (<code>{i.prefix}…</code>), until {formatDateTime(i.expiresAt)}{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value={MEMBER_INTENTS.revokeInvitation} />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" className="link-button">
                    Revoke<span className="visually-hidden"> the invitation for {i.email}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {memberships.length > 1 ? (
        <section aria-labelledby="workspaces-title">
          <h2 id="workspaces-title">Your workspaces</h2>
          <ul>
            {memberships.map((w) => (
              <li key={w.workspaceId}>
                {w.name} ({w.role})
                {w.workspaceId === workspace.id ? (
                  ' · you are working here'
                ) : (
                  <Form method="post" className="inline-form">
                    {' '}
                    <input type="hidden" name="intent" value={MEMBER_INTENTS.choose} />
                    <input type="hidden" name="workspaceId" value={w.workspaceId} />
                    <button type="submit" className="link-button">
                      Work in {w.name}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </SiteLayout>
  )
}
