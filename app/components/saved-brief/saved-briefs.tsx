import { Form, Link } from '@remix-run/react'
import { AttentionFlags, AttentionList } from '#app/components/revisit/attention-list.tsx'
import type { AttentionItem } from '#app/services/attention.server.ts'
import type { BriefSummary } from '#app/services/briefs.server.ts'
import { formatDateTime } from './format-date.ts'

export interface SavedBriefsData {
  items: BriefSummary[]
  nextCursor: string | null
  /** The search as typed; empty for none. */
  q: string
  /** Set when this is not the first page. */
  cursor: string | null
  /** A sentence for the reader when the list could not be read as asked. */
  notice: string | null
  /** Briefs past their review date or with a fired trigger; only on the first page of the plain list. */
  attention: { items: AttentionItem[]; total: number }
}

function listHref(params: { q: string; cursor?: string | null }): string {
  const search = new URLSearchParams()
  if (params.q) search.set('q', params.q)
  if (params.cursor) search.set('cursor', params.cursor)
  const query = search.toString()
  return `/${query ? `?${query}` : ''}#your-briefs`
}

/** The workspace's briefs on the home page: newest first, searchable by title, a page at a time. */
export function SavedBriefs({ saved }: { saved: SavedBriefsData }) {
  const { items, nextCursor, q, cursor, notice, attention } = saved
  const flagged = new Map(attention.items.map((a) => [a.id, a]))
  const searching = q !== ''
  const empty = items.length === 0 && !searching && !cursor
  return (
    <section id="your-briefs" aria-labelledby="your-briefs-title" className="saved-briefs">
      <div className="saved-briefs__header">
        <h2 id="your-briefs-title">Your briefs</h2>
        <Link className="button" to="/new">
          Start a brief
        </Link>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {empty ? (
        <p className="section-intro">
          Nothing saved yet. Answer the questionnaire and the brief is kept here, with every revision you make later.
        </p>
      ) : (
        <>
          <AttentionList items={attention.items} total={attention.total} />
          {attention.items.length > 0 && items.length > 0 ? <h3 className="saved-briefs__all">All briefs</h3> : null}
          <Form method="get" action="/#your-briefs" role="search" className="search-form" preventScrollReset>
            <label htmlFor="brief-search">Search by title</label>
            <div className="search-form__row">
              <input id="brief-search" name="q" type="search" defaultValue={q} maxLength={200} className="input" />
              <button type="submit" className="button button--quiet">
                Search
              </button>
            </div>
          </Form>
          {searching && items.length > 0 ? (
            <p className="note">
              Titles containing “{q}”. <Link to="/#your-briefs">Show all briefs</Link>
            </p>
          ) : null}
          {items.length === 0 ? (
            <p>
              {searching ? <>No brief has a title containing “{q}”. </> : 'No older briefs. '}
              <Link to="/#your-briefs">Show all briefs</Link>
            </p>
          ) : (
            <ul
              className="saved-list"
              aria-label={searching ? `Briefs whose title contains “${q}”` : 'Saved briefs, newest first'}
            >
              {items.map((brief) => (
                <li key={brief.id} className="saved-list__item">
                  <span className="saved-list__head">
                    <Link to={`/briefs/${brief.id}`} className="saved-list__title">
                      {brief.title}
                    </Link>
                    <AttentionFlags item={flagged.get(brief.id)} />
                  </span>
                  <span className="saved-list__meta">
                    {brief.headRevision === 1 ? '1 revision' : `${brief.headRevision} revisions`} · last changed{' '}
                    {formatDateTime(brief.updatedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {nextCursor || cursor ? (
            <nav aria-label="More briefs" className="pager">
              {cursor ? <Link to={listHref({ q })}>Newest briefs</Link> : null}
              {nextCursor ? (
                <Link to={listHref({ q, cursor: nextCursor })} rel="next">
                  Older briefs <span aria-hidden="true">→</span>
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
      <p className="note">
        <Link to="/deleted">Recently deleted</Link> · <Link to="/settings">Export, import and backups</Link>
      </p>
    </section>
  )
}
