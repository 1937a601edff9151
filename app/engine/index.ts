export * from './answers'
export * from './brief'
export { type Catalog, CatalogSchema } from './catalog'
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
} from './diff'
export { generateBrief } from './generate'
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
} from './signals'
export { evaluateTrigger, evaluateTriggers, type Readings, readingsFromAnswers, triggerStatus } from './triggers'
export { ENGINE_VERSION } from './version'
