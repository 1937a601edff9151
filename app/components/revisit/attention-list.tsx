import { Link } from '@remix-run/react'
import type { AttentionItem } from '#app/services/attention.server.ts'
import { formatDay } from './format-day.ts'

/** "Trigger fired" and "Review overdue" as words, never colour alone. */
export function AttentionFlags({ item }: { item: Pick<AttentionItem, 'fired' | 'overdue'> | undefined }) {
  if (!item || (item.fired.length === 0 && !item.overdue)) return null
  return (
    <span className="flags">
      {item.fired.length > 0 ? (
        <span className="flag flag--fired">
          {item.fired.length === 1 ? 'Trigger fired' : `${item.fired.length} triggers fired`}
        </span>
      ) : null}
      {item.overdue ? <span className="flag flag--overdue">Review overdue</span> : null}
    </span>
  )
}

/** At the top of the home list: briefs whose newest check-in fired a trigger, then those past their review date. */
export function AttentionList({ items, total }: { items: readonly AttentionItem[]; total: number }) {
  if (items.length === 0) return null
  return (
    <section className="attention" aria-labelledby="attention-title">
      <h3 id="attention-title">Needs a look</h3>
      <ul className="saved-list saved-list--attention">
        {items.map((item) => (
          <li key={item.id} className="saved-list__item">
            <span className="saved-list__head">
              <Link to={`/briefs/${item.id}`} className="saved-list__title">
                {item.title}
              </Link>
              <AttentionFlags item={item} />
            </span>
            <span className="saved-list__meta">
              {item.fired.length > 0 && item.latestMeasuredAt
                ? `Check-in of ${formatDay(item.latestMeasuredAt)}`
                : `Review was due ${formatDay(item.reviewBy)}`}
            </span>
          </li>
        ))}
      </ul>
      {total > items.length ? <p className="note">And {total - items.length} more need a look.</p> : null}
    </section>
  )
}
