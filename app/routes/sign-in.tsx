import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AccountForm } from '#app/components/account/account-form.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { accountPageLoader, signInAction } from '#app/web/account-forms.server.ts'

/** /sign-in: email and password; briefs written anonymously before signing in move into the account. */

export const meta: MetaFunction = () => [{ title: 'Sign in · stackbrief' }, { name: 'robots', content: 'noindex' }]

export const loader = ({ request, context }: LoaderFunctionArgs) => accountPageLoader(request, context)

export const action = ({ request, context }: ActionFunctionArgs) => signInAction(request, context)

export default function SignIn() {
  const { returnTo, anonymous } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <SiteLayout>
      <h1>Sign in</h1>
      {anonymous ? (
        <p>The briefs and drafts you wrote without an account move into the account you sign in to.</p>
      ) : null}
      <AccountForm
        reply={reply}
        returnTo={returnTo}
        fields={[
          { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
          { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
        ]}
        submit="Sign in"
      />
      <p>
        No account yet? <Link to={`/sign-up?returnTo=${encodeURIComponent(returnTo)}`}>Make one</Link>.
      </p>
    </SiteLayout>
  )
}
