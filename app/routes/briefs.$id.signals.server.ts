import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import type { CheckinFormState } from '#app/components/revisit/checkin-form.tsx'
import type { MetricSeries, Threshold } from '#app/components/revisit/series.ts'
import type { Comparator, Metric } from '#app/engine/brief.ts'
import { canonicalUnit, evaluateSignals, SIGNAL_FIELDS, SIGNAL_FIGURES } from '#app/engine/signals.ts'
import { type BriefStatus, briefStatus } from '#app/services/attention.server.ts'
import { getBrief } from '#app/services/briefs.server.ts'
import { type CheckinRecord, listCheckins, recordCheckin } from '#app/services/checkins.server.ts'
import { QuotaExceededError } from '#app/services/quotas.server.ts'
import { isoDate } from '#app/services/support/dates.server.ts'
import { InvalidInputError, noBriefMessage } from '#app/services/support/errors.server.ts'
import { parseCheckinForm, problemsAsErrors } from '#app/web/checkin-form.server.ts'
import { readForm } from '#app/web/form-body.server.ts'
import { briefNotFound, workspaceFor } from '#app/web/request.server.ts'
import { type Db, getDb } from '#db/client.server.ts'

/** /briefs/:id/signals: recording check-ins, the table of them and a chart per measured figure. */

export const CHECKIN_PAGE_SIZE = 20
/** The charts draw at most this many of the newest check-ins. */
export const CHART_CHECKINS_MAX = 2000
const CHART_PAGE = 100

export interface CheckinRow extends CheckinRecord {
  /** Titles of the triggers of the latest revision this check-in's figures fire. */
  fired: string[]
}

export interface SignalsPageData {
  briefId: string
  title: string
  headRevision: number
  watched: Metric[]
  status: BriefStatus
  checkins: CheckinRow[]
  cursor: string | null
  nextCursor: string | null
  series: MetricSeries[]
  /** Check-ins the charts drew. */
  charted: number
  /** Older check-ins were left out of the charts. */
  capped: boolean
  today: string
  /** The check-in just recorded, from ?recorded=. */
  recorded: string | null
}

export async function loadSignalsPage(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
): Promise<SignalsPageData> {
  const db = await getDb()
  const workspaceId = await workspaceFor(context, 'brief:read')
  const id = briefId ?? ''
  const url = new URL(request.url)
  const brief = id ? await getBrief(db, { workspaceId, briefId: id }) : null
  if (!brief) throw briefNotFound(id)
  const status = await briefStatus(db, { workspaceId, briefId: id })
  if (!status) throw briefNotFound(id)
  const cursor = url.searchParams.get('cursor') || null
  const page = await readPage(db, workspaceId, id, cursor)
  const { triggers } = brief.head.brief
  const rows = page.items.map((checkin) => ({
    ...checkin,
    fired: evaluateSignals(brief.head.brief, brief.head.answers, checkin.signals)
      .filter((t) => t.source === 'check_in' && t.status === 'fired')
      .map((t) => t.title),
  }))
  const all = await readForCharts(db, workspaceId, id)
  const watched = [...new Set(triggers.flatMap((t) => [t.metric, ...t.alsoRequires.map((c) => c.metric)]))]
  return {
    briefId: id,
    title: brief.title,
    headRevision: brief.headRevision,
    watched,
    status,
    checkins: rows,
    cursor: page.cursor,
    nextCursor: page.nextCursor,
    series: seriesOf(all, triggers),
    charted: all.length,
    capped: all.length >= CHART_CHECKINS_MAX,
    today: isoDate(new Date()),
    recorded: url.searchParams.get('recorded'),
  }
}

/** A cursor the service cannot read starts the table again from the newest rather than failing the page. */
async function readPage(db: Db, workspaceId: string, briefId: string, cursor: string | null) {
  try {
    const page = await listCheckins(db, { workspaceId, briefId, limit: CHECKIN_PAGE_SIZE, cursor: cursor ?? undefined })
    return { items: page?.items ?? [], nextCursor: page?.nextCursor ?? null, cursor }
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    const page = await listCheckins(db, { workspaceId, briefId, limit: CHECKIN_PAGE_SIZE })
    return { items: page?.items ?? [], nextCursor: page?.nextCursor ?? null, cursor: null }
  }
}

/** The newest check-ins, up to CHART_CHECKINS_MAX, oldest first. */
async function readForCharts(db: Db, workspaceId: string, briefId: string): Promise<CheckinRecord[]> {
  const out: CheckinRecord[] = []
  let cursor: string | undefined
  while (out.length < CHART_CHECKINS_MAX) {
    const page = await listCheckins(db, { workspaceId, briefId, limit: CHART_PAGE, cursor })
    if (!page) break
    out.push(...page.items)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return out.slice(0, CHART_CHECKINS_MAX).reverse()
}

type TriggerLike = {
  title: string
  metric: Metric
  comparator: Comparator
  threshold: number
  unit: string
  alsoRequires: readonly { metric: Metric; comparator: Comparator; threshold: number }[]
}

/** One series per figure some check-in measured, with every threshold the brief's triggers hold it to. */
export function seriesOf(checkins: readonly CheckinRecord[], triggers: readonly TriggerLike[]): MetricSeries[] {
  const out: MetricSeries[] = []
  for (const field of SIGNAL_FIELDS) {
    const points: [string, number][] = []
    for (const c of checkins) {
      const value = c.signals[field]
      if (value !== undefined) points.push([c.measuredAt, value])
    }
    if (points.length === 0) continue
    const metric = SIGNAL_FIGURES[field].metric
    const thresholds: Threshold[] = []
    for (const t of triggers) {
      if (t.metric === metric) thresholds.push({ title: t.title, comparator: t.comparator, value: t.threshold })
      for (const c of t.alsoRequires) {
        if (c.metric === metric) {
          thresholds.push({ title: t.title, comparator: c.comparator, value: c.threshold })
        }
      }
    }
    out.push({ field, metric, unit: canonicalUnit(field), points, thresholds })
  }
  return out
}

/** POST /briefs/:id/signals: records the check-in and goes back to the page (post/redirect/get), or a 400 with what was typed. */
export async function recordCheckinFromForm(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
) {
  const id = briefId ?? ''
  // Refused before the form is read: a role that may not check in learns nothing from a 400.
  const workspaceId = await workspaceFor(context, 'checkin:create')
  const parsed = parseCheckinForm(await readForm(request))
  if (!parsed.ok) return data({ form: parsed.state }, { status: 400 })
  const db = await getDb()
  try {
    const recorded = await recordCheckin(db, {
      workspaceId,
      briefId: id,
      signals: parsed.signals,
      source: 'web',
    })
    if (!recorded) throw briefNotFound(id)
    return redirect(`/briefs/${encodeURIComponent(id)}/signals?recorded=${encodeURIComponent(recorded.checkin.id)}`)
  } catch (error) {
    if (error instanceof QuotaExceededError) {
      return data({ form: { values: parsed.values, errors: {}, formError: error.message } }, { status: 409 })
    }
    if (!(error instanceof InvalidInputError)) throw error
    const form: CheckinFormState = { values: parsed.values, errors: problemsAsErrors(error.problems), formError: null }
    return data({ form }, { status: 400 })
  }
}
