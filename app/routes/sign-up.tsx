import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AccountForm } from '#app/components/account/account-form.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { localWorkspaceUnclaimed } from '#app/services/accounts.server.ts'
import { accountPageLoader, signUpAction } from '#app/web/account-forms.server.ts'
import { MIN_PASSWORD } from '#app/web/account-schemas.ts'

/** /sign-up: an account with an email and a password; what was written anonymously comes along. */

export const meta: MetaFunction = () => [
  { title: 'Make an account · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  return {
    ...(await accountPageLoader(request, context)),
    firstAccount: context.db ? await localWorkspaceUnclaimed(context.db) : false,
  }
}

export const action = ({ request, context }: ActionFunctionArgs) => signUpAction(request, context)

export default function SignUp() {
  const { returnTo, anonymous, firstAccount } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <SiteLayout>
      <h1>Make an account</h1>
      {anonymous ? <p>The briefs and drafts you wrote without an account become this account&apos;s.</p> : null}
      {firstAccount ? (
        <p className="notice" role="note">
          This instance has no account yet: the first account made here owns the briefs already written on it.
        </p>
      ) : null}
      <AccountForm
        reply={reply}
        returnTo={returnTo}
        fields={[
          { name: 'name', label: 'Your name', type: 'text', autoComplete: 'name' },
          { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
          {
            name: 'password',
            label: 'Password',
            type: 'password',
            autoComplete: 'new-password',
            hint: `At least ${MIN_PASSWORD} characters.`,
          },
        ]}
        submit="Make the account"
      />
      <p>
        Have an account? <Link to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>Sign in</Link>.
      </p>
    </SiteLayout>
  )
}
