export * from './answers.ts'
export * from './brief.ts'
export { type Catalog, CatalogSchema } from './catalog.ts'
export {
  type AnswerChange,
  type AnswerDescriber,
  type BriefDiff,
  BriefDiffSchema,
  type CostBandDelta,
  type DecisionChange,
  type DiffOptions,
  type DiffSide,
  diffBriefs,
  isEmpty,
  type RiskChange,
  type TriggerChange,
  type TriggerChangeKind,
} from './diff.ts'
export { generateBrief } from './generate.ts'
export {
  type AnswersDraft,
  evaluateSignals,
  SIGNAL_FIELDS,
  SIGNAL_FIGURES,
  type SignalField,
  type Signals,
  type SignalsInput,
  SignalsSchema,
  signalsToAnswers,
  type TriggerEvaluation,
  TriggerEvaluationSchema,
} from './signals.ts'
export { evaluateTrigger, evaluateTriggers, type Readings, readingsFromAnswers, triggerStatus } from './triggers.ts'
export { ENGINE_VERSION } from './version.ts'
