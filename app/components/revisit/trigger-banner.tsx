import { Link } from '@remix-run/react'
import { GuideLink } from '#app/components/brief/guide-link.tsx'
import { TriggerBadge } from '#app/components/brief/status-badge.tsx'
import type { TriggerEvaluation } from '#app/engine/signals.ts'
import { describeThreshold, formatMeasure, metricLabel } from '#app/vocabulary/answer-labels.ts'
import { formatDay } from './format-day.ts'
import { UpdateAnswersButton } from './update-answers-button.tsx'

/** The part of a brief's status the banner needs; BriefStatus from the check-ins service fits it. */
export interface BannerStatus {
  revision: number
  checkin: { id: string; measuredAt: string } | null
  triggers: readonly TriggerEvaluation[]
}

/** Triggers the newest check-in's own figures put at approaching or fired, fired first. */
export function bannerTriggers(status: BannerStatus): TriggerEvaluation[] {
  const order = { fired: 0, approaching: 1, ok: 2 }
  return status.triggers
    .filter((t) => t.source === 'check_in' && t.status !== 'ok')
    .sort((a, b) => order[a.status] - order[b.status])
}

/**
 * Top of the brief page: what the newest check-in says about the triggers of
 * the latest revision, when anything is approaching or has fired. The
 * triggers section further down keeps the brief's own view at generation.
 */
export function TriggerBanner({
  briefId,
  status,
  showSignalsLink = true,
}: {
  briefId: string
  status: BannerStatus
  showSignalsLink?: boolean
}) {
  const triggers = bannerTriggers(status)
  const { checkin } = status
  if (!checkin || triggers.length === 0) return null
  const fired = triggers.filter((t) => t.status === 'fired').length
  const title =
    fired > 0
      ? fired === 1
        ? 'A trigger fired'
        : `${fired} triggers fired`
      : triggers.length === 1
        ? 'A trigger is approaching its threshold'
        : `${triggers.length} triggers are approaching their thresholds`
  return (
    <section
      className={`revisit-banner revisit-banner--${fired > 0 ? 'fired' : 'approaching'}`}
      aria-labelledby="revisit-banner-title"
    >
      <h2 id="revisit-banner-title">
        {title} <span className="revisit-banner__when">in the check-in of {formatDay(checkin.measuredAt)}</span>
      </h2>
      <p className="revisit-banner__intro">
        Measured figures judged against the thresholds of revision {status.revision}.
        {showSignalsLink ? (
          <>
            {' '}
            <Link to={`/briefs/${briefId}/signals`}>See every check-in and the charts</Link>.
          </>
        ) : null}
      </p>
      <ul className="revisit-banner__list">
        {triggers.map((t) => (
          <li key={t.id} className={`trigger trigger--${t.status}`}>
            <div className="trigger__header">
              <h3>{t.title}</h3>
              <TriggerBadge status={t.status} />
            </div>
            <dl className="trigger__figures">
              <div>
                <dt>Watches</dt>
                <dd>{metricLabel(t.metric)}</dd>
              </div>
              <div>
                <dt>Observed</dt>
                <dd>{t.observed === null ? 'Not measured' : formatMeasure(t.observed, t.unit)}</dd>
              </div>
              <div>
                <dt>Threshold</dt>
                <dd>
                  {describeThreshold(t.comparator, t.threshold, t.unit)}
                  {t.alsoRequires.map((c) => (
                    <span key={c.metric} className="also">
                      and {metricLabel(c.metric)} {describeThreshold(c.comparator, c.threshold, c.unit)}:{' '}
                      {c.observed === null ? 'not measured' : `measured ${formatMeasure(c.observed, c.unit)}`}
                    </span>
                  ))}
                </dd>
              </div>
            </dl>
            {t.note ? <p className="note">{t.note}</p> : null}
            <p className="trigger__action">
              <strong>Step to take:</strong> {t.action}
            </p>
            <p>
              <GuideLink slug={t.guide} />
            </p>
          </li>
        ))}
      </ul>
      <div className="revisit-banner__actions">
        <UpdateAnswersButton briefId={briefId} checkinId={checkin.id} />
        <span className="note">
          A draft of the latest answers with these figures in place, to review before it becomes a new revision.
        </span>
      </div>
    </section>
  )
}
