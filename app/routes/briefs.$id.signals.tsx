import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { BriefSection } from '#app/components/brief/section.tsx'
import { CheckinForm } from '#app/components/revisit/checkin-form.tsx'
import { CheckinPager, CheckinTable } from '#app/components/revisit/checkin-table.tsx'
import { formatDay } from '#app/components/revisit/format-day.ts'
import { SignalCharts } from '#app/components/revisit/signal-charts.tsx'
import { TriggerBanner } from '#app/components/revisit/trigger-banner.tsx'
import { BriefErrorBoundary } from '#app/components/saved-brief/brief-error.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { formatNumber } from '#app/vocabulary/format.ts'
import { loadSignalsPage, recordCheckinFromForm } from './briefs.$id.signals.server.ts'

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
