import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { BriefSection } from '~/components/brief/section'
import { formatNumber } from '~/components/format'
import { CheckinForm } from '~/components/revisit/checkin-form'
import { CheckinPager, CheckinTable } from '~/components/revisit/checkin-table'
import { formatDay } from '~/components/revisit/format-day'
import { SignalCharts } from '~/components/revisit/signal-charts'
import { loadSignalsPage, recordCheckinFromForm } from '~/components/revisit/signals-route.server'
import { TriggerBanner } from '~/components/revisit/trigger-banner'
import { BriefErrorBoundary } from '~/components/saved-brief/brief-error'
import { SiteLayout } from '~/components/site-layout'

/** /briefs/:id/signals: record measured figures, see them over time against the triggers, turn one into new answers. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadSignalsPage(request, context, params.id)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return recordCheckinFromForm(request, context, params.id)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Check-ins: ${data.title} · stackbrief` : 'Brief not found · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function Signals() {
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { briefId, status, checkins, series } = page
  const recorded = page.recorded ? checkins.find((c) => c.id === page.recorded) : undefined
  return (
    <SiteLayout wide>
      <div className="revisit-page">
        <header className="brief-header">
          <p className="eyebrow brief-back">
            <Link to={`/briefs/${briefId}`}>{page.title}</Link>
          </p>
          <h1>Check-ins</h1>
          <p className="lede">
            Figures measured since launch, judged against the migration triggers of revision {page.headRevision}. Record
            them here, or let a script post them with a token from the brief page.
          </p>
          {recorded ? (
            <p className="notice notice--ok" role="status">
              Check-in of {formatDay(recorded.measuredAt)} recorded.
              {recorded.fired.length > 0 ? ` It fired: ${recorded.fired.join(', ')}.` : ' No trigger fired.'}
            </p>
          ) : null}
        </header>
        <TriggerBanner briefId={briefId} status={status} showSignalsLink={false} />
        <BriefSection
          id="record"
          title="Record a check-in"
          intro="Type the figures you measured, in the units shown. Leave out what you did not measure."
        >
          <CheckinForm
            key={page.recorded ?? 'new'}
            watched={page.watched}
            state={actionData?.form ?? null}
            today={page.today}
          />
        </BriefSection>
        {series.length > 0 ? (
          <BriefSection
            id="charts"
            title="Over time"
            intro={
              <>
                One chart per figure that has readings. A dashed line marks a trigger’s threshold.
                {page.capped ? ` The charts show the newest ${formatNumber(page.charted)} check-ins.` : null}
              </>
            }
          >
            <SignalCharts series={series} />
          </BriefSection>
        ) : null}
        <BriefSection id="checkins" title="Every check-in" intro="Newest first.">
          {checkins.length === 0 ? (
            <p>No check-ins yet. Record the first one above.</p>
          ) : (
            <>
              <CheckinTable briefId={briefId} rows={checkins} recorded={page.recorded} />
              <CheckinPager briefId={briefId} cursor={page.cursor} nextCursor={page.nextCursor} />
            </>
          )}
        </BriefSection>
      </div>
    </SiteLayout>
  )
}

export const ErrorBoundary = BriefErrorBoundary
