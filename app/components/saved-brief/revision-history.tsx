import { Link } from '@remix-run/react'
import type { RevisionRow } from '#app/components/rows.ts'
import { formatDateTime } from './format-date.ts'

/**
 * A page of a brief's revisions, newest first, the one on screen marked as
 * current, with links to older and newer pages (`?history=` holds the cursor).
 */
export function RevisionHistory({
  briefId,
  revisions,
  current,
  head,
  title,
  cursor,
  nextCursor,
}: {
  briefId: string
  revisions: readonly RevisionRow[]
  current: number
  head: number
  /** The brief's title now, to point out revisions titled otherwise. */
  title: string
  cursor: string | null
  nextCursor: string | null
}) {
  const latestTitle = title
  return (
    <section id="history" aria-labelledby="history-title" className="brief-section revision-history">
      <h2 id="history-title">Revision history</h2>
      <p className="section-intro">
        Each revision keeps the answers it was generated from and the engine and catalog versions that made it.
      </p>
      <p className="section-intro">
        {head === 1 ? '1 revision' : `${head.toLocaleString('en-US')} revisions`}
        {revisions.length > 0 && revisions.length < head
          ? `; showing ${revisions.at(-1)?.number.toLocaleString('en-US')} to ${revisions[0].number.toLocaleString('en-US')}.`
          : '.'}
      </p>
      <ol className="revision-list" reversed start={revisions[0]?.number}>
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
      {cursor || nextCursor ? (
        <nav className="pager" aria-label="Revision history pages">
          {cursor ? <Link to="?#history">Newest revisions</Link> : null}
          {nextCursor ? (
            <Link to={`?history=${encodeURIComponent(nextCursor)}#history`} rel="next">
              Older revisions
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  )
}
