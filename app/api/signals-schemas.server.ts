import { z } from 'zod'
import { METRICS } from '#app/engine/brief.ts'
import { BriefDiffSchema } from '#app/engine/diff.ts'
import {
  canonicalUnit,
  SIGNAL_FIELDS,
  SIGNAL_FIGURES,
  type SignalField,
  TriggerEvaluationSchema,
} from '#app/engine/signals.ts'
import { CHECKIN_ID_PATTERN } from '#app/services/checkins.server.ts'
import { BriefIdSchema, pageLimit, RevisionNumberSchema, RevisionSummarySchema } from './schemas.server.ts'

/**
 * The shapes of check-ins, brief status and revision comparison in the API,
 * for the tests and the OpenAPI description. Requests are parsed with the
 * engine's SignalsSchema; its figures convert units in transforms, which JSON
 * Schema cannot say, so SignalsInputSchema spells out the same input by hand
 * from SIGNAL_FIGURES (a test holds the two to the same answers).
 */

interface FigureSpec {
  metric: keyof typeof METRICS
  units: Readonly<Record<string, readonly [number, number]>>
  whole?: boolean
  max?: number
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .describe('A calendar day, YYYY-MM-DD.')
const timestamp = z.iso.datetime().describe('ISO 8601 time in UTC, such as 2026-06-01T09:30:00.000Z.')

function amount(spec: FigureSpec, unit: string) {
  const [multiply, divide] = spec.units[unit]
  const base = (spec.whole ? z.int() : z.number()).min(0)
  return spec.max === undefined ? base : base.max((spec.max * divide) / multiply)
}

function figureInput(field: SignalField) {
  const spec: FigureSpec = SIGNAL_FIGURES[field]
  const units = Object.keys(spec.units)
  const withUnit = units.map((unit) => z.strictObject({ value: amount(spec, unit), unit: z.literal(unit) }))
  return z
    .union([amount(spec, units[0]), ...withUnit, z.null()])
    .optional()
    .describe(
      `${METRICS[spec.metric].label}: a number in ${units[0]}${units.length > 1 ? `, or { "value", "unit" } with unit ${units.join(', ')}` : ''}. Null or absent: not measured.`,
    )
}

export const SignalsInputSchema = z
  .strictObject({
    measuredAt: day.describe('The day the figures were measured, YYYY-MM-DD; at most one day after today (UTC).'),
    ...(Object.fromEntries(SIGNAL_FIELDS.map((f) => [f, figureInput(f)])) as {
      [K in SignalField]: ReturnType<typeof figureInput>
    }),
  })
  .describe('A check-in: the day and at least one measured figure. Units are converted to the canonical unit.')

export const SignalsOutputSchema = z
  .strictObject({
    measuredAt: day,
    ...(Object.fromEntries(
      SIGNAL_FIELDS.map((f) => [
        f,
        z
          .number()
          .optional()
          .describe(`In ${canonicalUnit(f)}.`),
      ]),
    ) as Record<SignalField, z.ZodOptional<z.ZodNumber>>),
  })
  .describe('The check-in as stored: every figure given, in its canonical unit.')

export const CheckinIdSchema = z
  .string()
  .regex(CHECKIN_ID_PATTERN, 'a check-in id such as c_01jc8r5v3a7k2m4n6p8q')
  .describe('A check-in id: c_ and 20 characters.')

export const CheckinSchema = z.strictObject({
  id: CheckinIdSchema,
  briefId: BriefIdSchema,
  measuredAt: day,
  signals: SignalsOutputSchema,
  source: z.enum(['web', 'api']).describe('web: entered on the brief page; api: posted with a token.'),
  createdAt: timestamp,
})

export const CheckinPageSchema = z.strictObject({
  items: z.array(CheckinSchema).describe('Newest measured day first; on the same day, the later write first.'),
  nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
})

export const CheckinRecordedSchema = z.strictObject({
  checkin: CheckinSchema,
  revision: RevisionNumberSchema.describe('The latest revision, whose triggers the check-in was judged against.'),
  triggers: z
    .array(TriggerEvaluationSchema)
    .describe("Every trigger of that revision, judged on this check-in's figures."),
})

export const TriggerCountsSchema = z.strictObject({
  fired: z.int().min(0),
  approaching: z.int().min(0),
  ok: z.int().min(0),
  notMeasured: z.int().min(0).describe("Triggers whose metric the check-in lacks; their status is the brief's own."),
})

export const BriefStatusSchema = z.strictObject({
  briefId: BriefIdSchema,
  revision: RevisionNumberSchema.describe('The latest revision, whose triggers were judged.'),
  checkin: CheckinSchema.nullable().describe('The newest check-in; null before the first.'),
  triggers: z.array(TriggerEvaluationSchema).describe('Judged against the newest check-in; empty without one.'),
  counts: TriggerCountsSchema,
  fired: z.array(z.string()).describe('Ids of the triggers a measured figure fired.'),
  reviewBy: day.describe('The review date: chosen on the brief page, or 90 days after the latest revision.'),
  reviewBySet: z.boolean().describe('True when the date was chosen; false for the 90-day default.'),
  overdue: z.boolean().describe('Today (UTC) is after reviewBy.'),
  needsAttention: z.boolean().describe('Overdue, or a measured figure fired a trigger.'),
})

export const RevisionComparisonSchema = z.strictObject({
  briefId: BriefIdSchema,
  from: RevisionSummarySchema,
  to: RevisionSummarySchema,
  empty: z.boolean().describe('Nothing moved between the two revisions.'),
  diff: BriefDiffSchema,
})

/** GET /briefs/{id}/signals query parameters. */
export const CheckinListQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page.'),
  limit: pageLimit('Check-ins'),
})
