import { Link } from '@remix-run/react'
import type { RevisionSummary } from '~/services/briefs.server'
import { formatDateTime } from './format-date'

/** Every revision of a brief, newest first, the one on screen marked as current. */
export function RevisionHistory({
  briefId,
  revisions,
  current,
  head,
}: {
  briefId: string
  revisions: readonly RevisionSummary[]
  current: number
  head: number
}) {
  const latestTitle = revisions.find((r) => r.number === head)?.title
  return (
    <section id="history" aria-labelledby="history-title" className="brief-section revision-history">
      <h2 id="history-title">Revision history</h2>
      <p className="section-intro">
        Each revision keeps the answers it was generated from and the engine and catalog versions that made it.
      </p>
      <ol className="revision-list" reversed>
        {revisions.map((r) => {
          const isCurrent = r.number === current
          return (
            <li key={r.number} className={isCurrent ? 'revision is-current' : 'revision'}>
              <Link
                to={`/briefs/${briefId}/revisions/${r.number}`}
                aria-current={isCurrent ? 'page' : undefined}
                className="revision__link"
              >
                Revision {r.number}
              </Link>
              {r.number === head ? <span className="revision__tag">latest</span> : null}
              {isCurrent ? <span className="revision__tag revision__tag--current">shown</span> : null}
              <span className="revision__meta">
                {formatDateTime(r.createdAt)} · engine {r.engineVersion} · catalog {r.catalogVersion}
                {r.title !== latestTitle ? ` · titled “${r.title}”` : ''}
              </span>
              {r.number > 1 ? (
                <Link
                  className="revision__compare"
                  to={`/briefs/${briefId}/compare?from=${r.number - 1}&to=${r.number}`}
                >
                  {/* The list item names the revision: a number here would also match "Revision N" searches. */}
                  Compare with previous
                </Link>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
