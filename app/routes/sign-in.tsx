import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AccountField } from '#app/components/account/field.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { signInAction } from '#app/web/account-forms.server.ts'
import { safeReturnTo } from '#app/web/account-schemas.ts'
import { visitorOf } from '#app/web/visitor.server.ts'

/** /sign-in: email and password; briefs written anonymously before signing in move into the account. */

export const meta: MetaFunction = () => [{ title: 'Sign in · stackbrief' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const visitor = await visitorOf(context)
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'))
  if (visitor.signedIn) throw redirect(returnTo)
  return { returnTo, anonymous: visitor.anonymous }
}

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
      {reply?.errors.form ? (
        <p className="notice" role="alert">
          {reply.errors.form}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
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
          autoComplete="current-password"
          error={reply?.errors.password}
        />
        <p>
          <button type="submit" className="button">
            Sign in
          </button>
        </p>
      </Form>
      <p>
        No account yet? <Link to={`/sign-up?returnTo=${encodeURIComponent(returnTo)}`}>Make one</Link>.
      </p>
    </SiteLayout>
  )
}
