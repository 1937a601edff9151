import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AccountField } from '#app/components/account/field.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { localWorkspaceUnclaimed } from '#app/services/accounts.server.ts'
import { signUpAction } from '#app/web/account-forms.server.ts'
import { MIN_PASSWORD, safeReturnTo } from '#app/web/account-schemas.ts'
import { visitorOf } from '#app/web/visitor.server.ts'

/** /sign-up: an account with an email and a password; what was written anonymously comes along. */

export const meta: MetaFunction = () => [
  { title: 'Make an account · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const visitor = await visitorOf(context)
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'))
  if (visitor.signedIn) throw redirect(returnTo)
  return {
    returnTo,
    anonymous: visitor.anonymous,
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
      {reply?.errors.form ? (
        <p className="notice" role="alert">
          {reply.errors.form}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <AccountField
          name="name"
          label="Your name"
          type="text"
          autoComplete="name"
          defaultValue={reply?.values.name}
          error={reply?.errors.name}
        />
        <AccountField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          defaultValue={reply?.values.email}
          error={reply?.errors.email}
        />
        <AccountField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD} characters.`}
          error={reply?.errors.password}
        />
        <p>
          <button type="submit" className="button">
            Make the account
          </button>
        </p>
      </Form>
      <p>
        Have an account? <Link to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>Sign in</Link>.
      </p>
    </SiteLayout>
  )
}
