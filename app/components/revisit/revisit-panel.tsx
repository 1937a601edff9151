import { Form, Link, useNavigation } from '@remix-run/react'
import type { TokenRow } from '#app/components/rows.ts'
import { formatDay } from './format-day.ts'
import { SIGNAL_FIELD_ORDER } from './signal-fields.ts'
import { TokenCreateForm, TokenTable } from './tokens.tsx'
import type { BannerStatus } from './trigger-banner.tsx'

export interface RevisitStatus extends BannerStatus {
  reviewBy: string
  reviewBySet: boolean
  overdue: boolean
  checkin: (BannerStatus['checkin'] & { signals: Record<string, unknown> }) | null
}

export interface RevisitProps {
  status: RevisitStatus
  tokens: readonly TokenRow[]
  tokenNameMaxLength: number
  /** What the review-date form sent, back with its problem. */
  reviewByForm?: { value: string; error: string } | null
}

/** One line under the title of the latest revision: when to look again, and the newest measurement. */
export function RevisitLine({ briefId, status }: { briefId: string; status: RevisitStatus }) {
  return (
    <p className="revisit-line">
      Review by <strong>{formatDay(status.reviewBy)}</strong>
      {status.overdue ? <span className="flag flag--overdue">Review overdue</span> : null} ·{' '}
      {status.checkin ? (
        <>
          newest check-in <Link to={`/briefs/${briefId}/signals`}>{formatDay(status.checkin.measuredAt)}</Link>
        </>
      ) : (
        <>
          no check-ins yet: <Link to={`/briefs/${briefId}/signals`}>record one</Link>
        </>
      )}{' '}
      · <a href="#revisit">Review date and tokens</a>
    </p>
  )
}

/** The latest revision's page, near the end: the review date, the check-ins and the tokens. */
export function RevisitPanel({
  briefId,
  revisit,
  can = { revise: true, share: true },
}: {
  briefId: string
  revisit: RevisitProps
  /** Which forms this identity may use: the review date needs revise, tokens need share. */
  can?: { revise: boolean; share: boolean }
}) {
  const { status, tokens } = revisit
  const figures = status.checkin ? SIGNAL_FIELD_ORDER.filter((f) => status.checkin?.signals[f] !== undefined).length : 0
  return (
    <section id="revisit" aria-labelledby="revisit-title" className="brief-section revisit-panel">
      <h2 id="revisit-title">Keeping this brief current</h2>
      <div className="revisit-grid">
        <div>
          <h3>Review date</h3>
          <p>
            Review by <strong>{formatDay(status.reviewBy)}</strong>
            {status.overdue ? <span className="flag flag--overdue">Review overdue</span> : null}
            <span className="cell-note">
              {status.reviewBySet
                ? 'A date chosen for this brief.'
                : '90 days after the latest revision, unless you choose a date.'}
            </span>
          </p>
          {can.revise ? <ReviewByForm briefId={briefId} status={status} form={revisit.reviewByForm ?? null} /> : null}
        </div>
        <div>
          <h3>Check-ins</h3>
          {status.checkin ? (
            <p>
              Newest: {formatDay(status.checkin.measuredAt)}, {figures === 1 ? 'one figure' : `${figures} figures`}.
            </p>
          ) : (
            <p>No figures measured yet. Record them after launch to see the triggers judged on real numbers.</p>
          )}
          <p>
            <Link className="button button--quiet" to={`/briefs/${briefId}/signals`}>
              {status.checkin ? 'Check-ins and charts' : 'Record a check-in'}
            </Link>
          </p>
        </div>
      </div>
      <h3 id="tokens">Tokens for scripts</h3>
      <p className="section-intro">
        A token lets a script post check-ins to <code>/api/v1/briefs/{briefId}/signals</code> for this brief only. It is
        shown once, when made.
      </p>
      <TokenTable briefId={briefId} tokens={tokens} revocable={can.share} />
      {can.share ? <TokenCreateForm briefId={briefId} maxLength={revisit.tokenNameMaxLength} /> : null}
    </section>
  )
}

function ReviewByForm({
  briefId,
  status,
  form,
}: {
  briefId: string
  status: RevisitStatus
  form: { value: string; error: string } | null
}) {
  const navigation = useNavigation()
  const action = `/briefs/${briefId}`
  const busy = navigation.state === 'submitting' && navigation.formAction === action
  return (
    <Form method="post" action={action} className="review-by-form" noValidate preventScrollReset>
      <label htmlFor="review-by">Choose another date</label>
      {form ? (
        <p id="review-by-error" className="field-error">
          {form.error}
        </p>
      ) : null}
      <div className="search-form__row">
        <input
          id="review-by"
          name="reviewBy"
          type="date"
          className="input input--date"
          defaultValue={form?.value ?? status.reviewBy}
          aria-invalid={form ? true : undefined}
          aria-describedby={form ? 'review-by-error' : undefined}
        />
        <button type="submit" name="intent" value="review-by" className="button button--quiet" disabled={busy}>
          Set the date
        </button>
      </div>
      {status.reviewBySet ? (
        <button
          type="submit"
          name="intent"
          value="review-by-default"
          className="button-link"
          disabled={busy}
          formNoValidate
        >
          Go back to 90 days after the latest revision
        </button>
      ) : null}
    </Form>
  )
}
