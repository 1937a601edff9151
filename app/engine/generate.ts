import type { Answers } from './answers'
import type { Brief } from './brief'
import type { Catalog } from './catalog'
import { estimateCosts } from './costs'
import { rateDatabases } from './database-rationale'
import { planDayOne } from './day-one'
import { listDeferred } from './deferred'
import { writeHandoff } from './handoff'
import { assessRisks } from './risks'
import { RULES } from './rules'
import { summarize } from './summary'
import { evaluateTriggers } from './triggers'
import { ENGINE_VERSION } from './version'

/**
 * The engine: parsed answers and a catalog in, a brief out. Synchronous and
 * pure; the same inputs give the same brief, byte for byte, when serialised.
 */
export function generateBrief(answers: Answers, catalog: Catalog): Brief {
  const decisions = RULES.map((rules) => rules.decide(answers, catalog))
  const deferred = listDeferred(answers, decisions)
  const triggerIds = new Set([...decisions.flatMap((d) => d.revisitWhen), ...deferred.map((d) => d.until)])
  const triggers = evaluateTriggers(triggerIds, answers)
  const costs = estimateCosts(answers, decisions, catalog)
  const dayOne = planDayOne(answers, decisions)
  const risks = assessRisks(answers, decisions, costs)
  return {
    schemaVersion: 1,
    engineVersion: ENGINE_VERSION,
    catalogVersion: catalog.version,
    title: answers.product.name,
    summary: summarize(answers, decisions, costs, risks, triggers),
    decisions,
    databaseRationale: rateDatabases(answers, decisions),
    dayOne,
    deferred,
    risks,
    costs,
    triggers,
    handoff: writeHandoff(answers, decisions, dayOne, deferred),
  }
}
