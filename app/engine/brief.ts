import { z } from 'zod'
import { ANSWER_PATHS, RESIDENCY_REGIONS, UPTIME_TARGETS } from './answers.ts'

/**
 * Brief, schema version 2: what the engine returns for one set of answers.
 * A pure function of (answers, engine version, catalog version): no
 * timestamps, no ids made up at run time. Money is integer US cents.
 */

export const AREAS = [
  'repo',
  'architecture_style',
  'deploy_regions',
  'hosting',
  'framework',
  'database',
  'timeseries_store',
  'vector_store',
  'document_store',
  'search',
  'file_storage',
  'jobs',
  'cache',
  'auth',
  'payments',
  'email',
  'observability',
  'analytics',
  'api',
  'tenancy',
  'realtime',
  'ingestion',
  'llm',
] as const
export type Area = (typeof AREAS)[number]
/** The areas of a schema version 1 brief, which stored revisions keep. */
export const AREAS_V1 = AREAS.slice(0, 20) as readonly Area[]

export const DECISION_STATUSES = ['adopt', 'trial', 'defer', 'avoid', 'not_applicable'] as const
export const DECISION_STATUSES_V1 = ['adopt', 'defer', 'avoid'] as const
export const TRIGGER_STATUSES = ['ok', 'approaching', 'fired'] as const
export const SEVERITIES = ['high', 'medium', 'low'] as const
export const BANDS = ['lean', 'moderate', 'scaled'] as const
export type Band = (typeof BANDS)[number]

export const COMPARATORS = ['>=', '>', '<=', '<'] as const
export type Comparator = (typeof COMPARATORS)[number]

/**
 * What can be measured. Answers give 12-month figures for some of these;
 * the rest (latency, CPU, error rate, queue depth) only signals can give.
 */
export const METRICS = {
  active_users: { unit: 'users', label: 'Monthly active users' },
  peak_rps: { unit: 'requests/s', label: 'Peak requests per second' },
  p95_latency_ms: { unit: 'ms', label: 'p95 latency' },
  db_cpu_percent: { unit: '%', label: 'Database CPU (sustained)' },
  db_size_gb: { unit: 'GB', label: 'Database size' },
  longest_job_seconds: { unit: 's', label: 'Longest job duration' },
  queue_depth: { unit: 'jobs', label: 'Jobs waiting' },
  error_rate_percent: { unit: '%', label: 'Error rate' },
  engineers: { unit: 'engineers', label: 'Engineers on one service' },
  monthly_infra_usd: { unit: 'USD/month', label: 'Monthly infrastructure spend' },
  vector_count: { unit: 'vectors', label: 'Stored embeddings' },
  vector_query_p95_ms: { unit: 'ms', label: 'Vector query p95 latency' },
  timeseries_events_per_second: { unit: 'events/s', label: 'Time-series events per second' },
  regions_required: { unit: 'regions', label: 'Regions data must stay in' },
} as const
export type Metric = keyof typeof METRICS
export const METRIC_IDS = Object.keys(METRICS) as [Metric, ...Metric[]]

const id = z.string().regex(/^[a-z0-9_]+$/, 'a snake_case id')

export const BecauseSchema = z.strictObject({
  rule: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'a dotted rule id such as jobs.long_tasks_need_queue'),
  inputs: z.array(z.enum(ANSWER_PATHS)),
  text: z.string().min(1),
})
export type Because = z.infer<typeof BecauseSchema>

export const ChoiceSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** The product that fills a generic choice (object_storage on amazon_s3, queue on sqs), so costs price what was chosen. */
  vendor: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
  /**
   * What the constraints require of the chosen vendor, for the plan and its
   * costs: `regions` it must run in (residency), `plan` the catalog plan id of
   * `vendor` (or of the choice) that must be priced, such as the tier on which
   * it signs a BAA, and the `agreements` it must sign.
   */
  requires: z
    .strictObject({
      regions: z.array(z.enum(RESIDENCY_REGIONS)).optional(),
      plan: z
        .string()
        .regex(/^[a-z0-9_]+$/)
        .optional(),
      agreements: z.array(z.enum(['dpa', 'baa'])).optional(),
    })
    .optional(),
})
export type Choice = z.infer<typeof ChoiceSchema>

export const AlternativeSchema = z.strictObject({ id, name: z.string().min(1), whyNot: z.string().min(1) })
export type Alternative = z.infer<typeof AlternativeSchema>

const month = z.number().int().min(1).max(12)

/** A trigger that fires within the twelve months, the month it fires, and the step the plan takes from then. */
export const StepDueSchema = z.strictObject({ trigger: id, month, step: z.string().min(1) })
export type StepDue = z.infer<typeof StepDueSchema>

/** A person's choice over the engine's: who, why, and the recommendation it replaced with that recommendation's reasons. */
export const DecisionOverrideSchema = z.strictObject({
  by: z.string().min(1),
  reason: z.string().min(1),
  recommended: z.strictObject({ id, name: z.string().min(1) }),
  recommendedBecause: z.array(BecauseSchema).min(1),
})
export type DecisionOverride = z.infer<typeof DecisionOverrideSchema>

/** A decision as a brief carries it: with the steps due from fired triggers. */
export const BriefDecisionSchema = z.strictObject({
  area: z.enum(AREAS),
  title: z.string().min(1),
  choice: ChoiceSchema,
  status: z.enum(DECISION_STATUSES),
  because: z.array(BecauseSchema).min(1),
  alternatives: z.array(AlternativeSchema),
  revisitWhen: z.array(id),
  stepsDue: z.array(StepDueSchema),
  guide: z.string().min(1),
  /** Present when a person overrode the recommendation (answers `overrides`). */
  override: DecisionOverrideSchema.optional(),
})
/** A decision as one area's rules make it, before the plan adds the steps due. */
export const DecisionSchema = BriefDecisionSchema.extend({ stepsDue: z.array(StepDueSchema).optional() })
export type BriefDecision = z.infer<typeof BriefDecisionSchema>
export type Decision = z.infer<typeof DecisionSchema>

export const ConditionSchema = z.strictObject({
  metric: z.enum(METRIC_IDS),
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  unit: z.string(),
})
export type Condition = z.infer<typeof ConditionSchema>

export const TriggerSchema = z.strictObject({
  id,
  area: z.enum(AREAS),
  title: z.string().min(1),
  metric: z.enum(METRIC_IDS),
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  unit: z.string(),
  /** Further conditions that must also hold before the trigger counts as fired. */
  alsoRequires: z.array(ConditionSchema),
  action: z.string().min(1),
  status: z.enum(TRIGGER_STATUSES),
  /** The 12-month figure from the answers the status was judged on; null when only measurement can tell. */
  observed: z.number().nullable(),
  observedFrom: z.enum(ANSWER_PATHS).nullable(),
  /** The first month of the projection in which the trigger holds; null when it does not within twelve months. */
  firesInMonth: month.nullable(),
  guide: z.string().min(1),
})
export type Trigger = z.infer<typeof TriggerSchema>

export const CRITERIA = [
  'access_pattern_fit',
  'query_complexity_latency',
  'operational_burden',
  'team_familiarity',
  'integration_fit',
] as const
export type Criterion = (typeof CRITERIA)[number]

export const ScoreSchema = z.strictObject({
  criterion: z.enum(CRITERIA),
  score: z.number().int().min(1).max(5),
  text: z.string().min(1),
})

export const DatabaseRationaleSchema = z.strictObject({
  chosen: id,
  criteria: z.array(z.strictObject({ id: z.enum(CRITERIA), name: z.string(), question: z.string() })),
  options: z.array(
    z.strictObject({
      id,
      name: z.string().min(1),
      scores: z.array(ScoreSchema),
      total: z.number().int(),
      verdict: z.string().min(1),
    }),
  ),
  because: z.array(BecauseSchema),
})
export type DatabaseRationale = z.infer<typeof DatabaseRationaleSchema>

export const DayOneItemSchema = z.strictObject({
  id,
  title: z.string().min(1),
  actions: z.array(z.string().min(1)).min(1),
  because: z.array(BecauseSchema).min(1),
  guide: z.string().min(1),
})
export type DayOneItem = z.infer<typeof DayOneItemSchema>

export const DeferredItemSchema = z.strictObject({
  id,
  what: z.string().min(1),
  until: id,
  because: z.array(BecauseSchema).min(1),
})
export type DeferredItem = z.infer<typeof DeferredItemSchema>

/** risk: what may go wrong while following the plan; invalidation: what would make the plan itself wrong. */
export const RISK_KINDS = ['risk', 'invalidation'] as const

export const RiskSchema = z.strictObject({
  id,
  kind: z.enum(RISK_KINDS),
  severity: z.enum(SEVERITIES),
  text: z.string().min(1),
  mitigation: z.string().min(1),
  because: z.array(BecauseSchema).min(1),
})
export type Risk = z.infer<typeof RiskSchema>

const cents = z.number().int()
const twelve = z.array(cents).length(12)

export const PriceSourceSchema = z.strictObject({ url: z.string(), asOf: z.string(), estimate: z.boolean() })

export const LineItemSchema = z.strictObject({
  id,
  area: z.enum(AREAS),
  /** The plan component this line prices. */
  component: id,
  /** What is bought, as a reader names it: "Railway Pro", "Neon Launch". */
  name: z.string().min(1),
  bands: z.strictObject({ lean: twelve, moderate: twelve, scaled: twelve }),
  basis: z.string().min(1),
  sources: z.array(PriceSourceSchema),
})
export type LineItem = z.infer<typeof LineItemSchema>

export const BandTotalsSchema = z.strictObject({ monthly: twelve, total12Months: cents })

export const TransactionFeeSchema = z.strictObject({
  provider: id,
  name: z.string().min(1),
  per1000ProcessedCents: cents,
  text: z.string().min(1),
  sources: z.array(PriceSourceSchema),
})

export const CostsSchema = z.strictObject({
  currency: z.literal('USD'),
  unit: z.literal('cents'),
  pricesAsOf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  usage: z.strictObject({ activeUsers: z.array(count()).length(12), curve: z.string().min(1) }),
  bands: z.strictObject({ lean: BandTotalsSchema, moderate: BandTotalsSchema, scaled: BandTotalsSchema }),
  /** One sentence per band: what that money buys. */
  bandMeaning: z.strictObject({ lean: z.string().min(1), moderate: z.string().min(1), scaled: z.string().min(1) }),
  lineItems: z.array(LineItemSchema),
  assumptions: z.array(z.string().min(1)),
  transactionFees: z.array(TransactionFeeSchema),
})
export type Costs = z.infer<typeof CostsSchema>

function count() {
  return z.number().int().min(0)
}

export const REGIONS = RESIDENCY_REGIONS
export type Region = (typeof REGIONS)[number]
export const HOLDS = ['personal', 'health', 'payment_card', 'financial', 'none'] as const
export type Holds = (typeof HOLDS)[number]
export const AGREEMENTS = ['dpa', 'baa', 'scc'] as const
export type Agreement = (typeof AGREEMENTS)[number]

/** A component's size in one band at month 12: `instances` of `each` `unit`, and the same in words. */
export const ComponentSizeSchema = z.strictObject({
  instances: z.number().int().min(0),
  each: z.number().min(0),
  unit: z.string().min(1),
  text: z.string().min(1),
})
export type ComponentSize = z.infer<typeof ComponentSizeSchema>

export const PlanComponentSchema = z.strictObject({
  id,
  area: z.enum(AREAS),
  /** The company, or "your team" for software run on our own components. */
  vendor: z.string().min(1),
  /** Catalog component the prices come from; null when nothing is bought. */
  catalogId: id.nullable(),
  product: z.string().min(1),
  tier: z.string().min(1),
  regions: z.array(z.enum(REGIONS)).min(1),
  holds: z.array(z.enum(HOLDS)).min(1),
  agreements: z.array(z.enum(AGREEMENTS)),
  fromMonth: month,
  /** The trigger whose step adds this component; null for components in place from the start. */
  addedBy: id.nullable(),
  /** Where it sits in the picture. */
  placement: z.enum(['deploy', 'data', 'service']),
  size: z.strictObject({ lean: ComponentSizeSchema, moderate: ComponentSizeSchema, scaled: ComponentSizeSchema }),
})
export type PlanComponent = z.infer<typeof PlanComponentSchema>

export const PlanSchema = z.strictObject({
  /** The regions the deploy runs in, in the order the decision names them. */
  regions: z.array(z.enum(REGIONS)).min(1),
  components: z.array(PlanComponentSchema),
})
export type Plan = z.infer<typeof PlanSchema>

/** The operational assumptions: the targets (stated in the answers, or the defaults when `stated` is false) and what they ask of the plan. */
export const BriefOperationsSchema = z.strictObject({
  uptimeTarget: z.enum(UPTIME_TARGETS),
  restoreWithinHours: z.number().positive(),
  maxDataLossMinutes: z.number().min(0),
  stated: z.boolean(),
  /** What the uptime target allows a month and which band can keep it. */
  uptime: z.string().min(1),
  /** How backups meet the data-loss target, where they are kept, and the restore drill. */
  backups: z.string().min(1),
  onCall: z.string().min(1),
  because: z.array(BecauseSchema).min(1),
})
export type BriefOperations = z.infer<typeof BriefOperationsSchema>

/**
 * The executive brief: the one page read first, every entry read from the
 * rest of the brief. `stack` holds the adopted and trialled choices, each
 * with one reason drawn from this case; `risks` the top three, `triggers`
 * the nearest to firing, `firstSteps` the first day-one items.
 */
export const ExecutiveSchema = z.strictObject({
  product: z.string().min(1),
  stack: z.array(
    z.strictObject({
      area: z.enum(AREAS),
      title: z.string().min(1),
      choice: z.string().min(1),
      status: z.enum(['adopt', 'trial']),
      reason: z.string().min(1),
      /** Who chose this over the engine's recommendation (answers.overrides); the reason is theirs. */
      decidedBy: z.string().min(1).optional(),
    }),
  ),
  /** Decisions that keep the default for a first product, named without a reason (the decisions section gives it). */
  settled: z
    .array(z.strictObject({ area: z.enum(AREAS), title: z.string().min(1), choice: z.string().min(1) }))
    .optional(),
  costs: z.array(
    z.strictObject({ band: z.enum(BANDS), month12: cents, total12Months: cents, buys: z.string().min(1) }),
  ),
  budgetMonthly: cents,
  risks: z.array(z.strictObject({ id, severity: z.enum(SEVERITIES), text: z.string().min(1) })).max(3),
  triggers: z
    .array(
      z.strictObject({
        id,
        title: z.string().min(1),
        status: z.enum(TRIGGER_STATUSES),
        firesInMonth: month.nullable(),
      }),
    )
    .max(3),
  firstSteps: z.array(z.strictObject({ id, title: z.string().min(1) })).max(3),
})
export type Executive = z.infer<typeof ExecutiveSchema>

export const BriefSchema = z.strictObject({
  schemaVersion: z.literal(2),
  engineVersion: z.string(),
  catalogVersion: z.string(),
  title: z.string(),
  summary: z.string().min(1),
  decisions: z.array(BriefDecisionSchema).length(AREAS.length),
  databaseRationale: DatabaseRationaleSchema,
  plan: PlanSchema,
  dayOne: z.array(DayOneItemSchema),
  deferred: z.array(DeferredItemSchema),
  risks: z.array(RiskSchema),
  costs: CostsSchema,
  triggers: z.array(TriggerSchema),
  handoff: z.array(z.string().min(1)),
  /** Optional so that briefs stored before it was written still read. */
  operations: BriefOperationsSchema.optional(),
  executive: ExecutiveSchema.optional(),
})
export type Brief = z.infer<typeof BriefSchema>
