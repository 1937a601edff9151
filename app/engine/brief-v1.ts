import { z } from 'zod'
import {
  AREAS,
  AREAS_V1,
  type Area,
  BANDS,
  type Brief,
  type BriefDecision,
  BriefDecisionSchema,
  BriefSchema,
  CostsSchema,
  DECISION_STATUSES_V1,
  LineItemSchema,
  type PlanComponent,
  REGIONS,
  type Region,
  RiskSchema,
  TriggerSchema,
} from './brief.ts'

/**
 * Brief, schema version 1, as stored revisions keep it. Revisions are never
 * rewritten: the API and the JSON download serve them as stored, and the
 * pages and exports read them through `viewOfStoredBrief`, which fills in
 * what version 2 adds without inventing a plan the engine never made.
 */

export const DecisionV1Schema = BriefDecisionSchema.omit({ stepsDue: true }).extend({
  area: z.enum(AREAS_V1 as [Area, ...Area[]]),
  status: z.enum(DECISION_STATUSES_V1),
})
export const TriggerV1Schema = TriggerSchema.omit({ firesInMonth: true })
export const RiskV1Schema = RiskSchema.omit({ kind: true })
export const LineItemV1Schema = LineItemSchema.omit({ name: true }).extend({ component: z.string().min(1) })
export const CostsV1Schema = CostsSchema.omit({ bandMeaning: true }).extend({ lineItems: z.array(LineItemV1Schema) })

export const BriefV1Schema = BriefSchema.omit({ plan: true }).extend({
  schemaVersion: z.literal(1),
  decisions: z.array(DecisionV1Schema).length(AREAS_V1.length),
  risks: z.array(RiskV1Schema),
  costs: CostsV1Schema,
  triggers: z.array(TriggerV1Schema),
})
export type BriefV1 = z.infer<typeof BriefV1Schema>

/** What a revision may hold: a brief of either schema version. */
export const StoredBriefSchema = z.discriminatedUnion('schemaVersion', [BriefV1Schema, BriefSchema])
export type StoredBrief = BriefV1 | Brief

const PLACEMENT: Partial<Record<Area, PlanComponent['placement']>> = {
  hosting: 'deploy',
  jobs: 'deploy',
  database: 'data',
  timeseries_store: 'data',
  file_storage: 'data',
}

/**
 * A stored brief as the renderers read it. A version 2 brief is returned as
 * it is; a version 1 brief gets one component per cost line it priced, the
 * regions the answers asked for (or "another region" when none were), and
 * says that the areas added since were not assessed.
 */
export function viewOfStoredBrief(stored: StoredBrief, residency: readonly string[] = []): Brief {
  if (stored.schemaVersion === 2) return stored
  const regions = residency.filter((r): r is Region => (REGIONS as readonly string[]).includes(r))
  const where: Region[] = regions.length > 0 ? regions : ['other']
  const byArea = new Map(stored.decisions.map((d) => [d.area, d]))
  const decisions: BriefDecision[] = AREAS.map((area) => {
    const d = byArea.get(area)
    if (d) return { ...d, stepsDue: [] }
    return {
      area,
      title: area.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      choice: { id: 'none', name: 'Not assessed in this revision' },
      status: 'not_applicable',
      because: [
        {
          rule: 'brief.earlier_schema',
          inputs: [],
          text: 'This revision was written before the brief covered this area; generate a new revision to assess it.',
        },
      ],
      alternatives: [],
      revisitWhen: [],
      stepsDue: [],
      guide: 'default-stack',
    }
  })
  const lineItems = stored.costs.lineItems.map((item) => ({ ...item, component: item.id, name: item.component }))
  const components: PlanComponent[] = lineItems.map((item) => {
    const size = { instances: 1, each: 0, unit: 'as priced', text: 'Sized in its cost line' }
    return {
      id: item.id,
      area: item.area,
      vendor: item.name,
      catalogId: null,
      product: item.name,
      tier: 'as priced',
      regions: where,
      holds: ['personal'],
      agreements: [],
      fromMonth: 1,
      addedBy: null,
      placement: PLACEMENT[item.area] ?? 'service',
      size: { lean: size, moderate: size, scaled: size },
    }
  })
  const bandMeaning = Object.fromEntries(
    BANDS.map((b) => [b, 'As priced when this revision was written; its line items say what each band buys.']),
  ) as Brief['costs']['bandMeaning']
  return {
    ...stored,
    schemaVersion: 2,
    decisions,
    plan: { regions: where, components },
    risks: stored.risks.map((r) => ({ ...r, kind: 'risk' as const })),
    costs: { ...stored.costs, bandMeaning, lineItems },
    triggers: stored.triggers.map((t) => ({ ...t, firesInMonth: null })),
  }
}
