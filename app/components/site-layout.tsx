import { Form, Link, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ANONYMOUS_SESSION_DAYS } from '#app/vocabulary/accounts.ts'

/** What the header shows of the visitor, as the root loader sends it. */
interface Visitor {
  signedIn: boolean
  anonymous: boolean
  name: string | null
}

function useVisitor(): Visitor | undefined {
  return useRouteLoaderData<{ visitor: Visitor }>('root')?.visitor
}

export function SiteLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" prefetch="intent">
            <svg className="brand__mark" viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <rect x="7" y="8" width="18" height="3" rx="1.5" fill="#fff" />
              <rect x="7" y="14.5" width="12" height="3" rx="1.5" fill="#fff" opacity="0.85" />
              <rect x="7" y="21" width="15" height="3" rx="1.5" fill="#fff" opacity="0.7" />
            </svg>
            stackbrief
          </Link>
          <nav aria-label="Main" className="site-nav">
            <Link to="/#examples" prefetch="intent">
              Examples
            </Link>
            <NavLink to="/guides" prefetch="intent">
              Guides
            </NavLink>
            <AccountLinks />
          </nav>
        </div>
      </header>
      <AnonymousBanner />
      <main id="main" className={wide ? 'page page--wide' : 'page'}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          stackbrief turns a short questionnaire into an architecture plan with reasons, costs and the signals that say
          when to change it.
        </p>
      </footer>
    </>
  )
}

function AccountLinks() {
  const visitor = useVisitor()
  const here = useLocation()
  const returnTo = encodeURIComponent(`${here.pathname}${here.search}`)
  if (!visitor) return null
  if (visitor.signedIn) {
    return (
      <>
        <NavLink to="/settings">Settings</NavLink>
        <Form method="post" action="/sign-out" className="site-nav__form">
          <button type="submit" className="link-button">
            Sign out
          </button>
        </Form>
      </>
    )
  }
  return <NavLink to={`/sign-in?returnTo=${returnTo}`}>Sign in</NavLink>
}

/** For a visitor who wrote without an account: their briefs are held by this browser's cookie only. */
function AnonymousBanner() {
  const visitor = useVisitor()
  const here = useLocation()
  if (!visitor?.anonymous) return null
  return (
    <div className="notice account-banner" role="note">
      <p>
        Your briefs are kept for this browser only, until {ANONYMOUS_SESSION_DAYS} days after your last visit.{' '}
        <Link to={`/sign-up?returnTo=${encodeURIComponent(`${here.pathname}${here.search}`)}`}>Make an account</Link> to
        keep them anywhere; everything you wrote comes along.
      </p>
    </div>
  )
}
