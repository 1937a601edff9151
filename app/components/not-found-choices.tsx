import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SiteLayout } from './site-layout.tsx'

/**
 * The error page of a catalogue (examples, guides): for an unknown name, the
 * sentence and the names there are; for anything else, a plain apology.
 */
export function NotFoundChoices({
  found,
  titles,
  failed,
  back,
}: {
  /** The 404's sentence and the choices to list; null when the error was not a 404 of this kind. */
  found: { message: string; choices: { to: string; label: ReactNode }[] } | null
  titles: { notFound: string; failed: string }
  failed: string
  back: { to: string; label: string }
}) {
  return (
    <SiteLayout>
      <h1>{found ? titles.notFound : titles.failed}</h1>
      {found ? (
        <>
          <p>{found.message}</p>
          <ul>
            {found.choices.map((choice) => (
              <li key={choice.to}>{choice.label}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{failed}</p>
      )}
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </SiteLayout>
  )
}
