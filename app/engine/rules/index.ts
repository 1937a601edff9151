import type { Area } from '#app/engine/brief.ts'
import { analytics } from './analytics.ts'
import { api } from './api.ts'
import { architectureStyle } from './architecture-style.ts'
import { auth } from './auth.ts'
import { cache } from './cache.ts'
import { database } from './database.ts'
import { deployRegions } from './deploy-regions.ts'
import { documentStore } from './document-store.ts'
import { email } from './email.ts'
import { fileStorage } from './file-storage.ts'
import { framework } from './framework.ts'
import { hosting } from './hosting.ts'
import { ingestion } from './ingestion.ts'
import { jobs } from './jobs.ts'
import { llm } from './llm.ts'
import { observability } from './observability.ts'
import { payments } from './payments.ts'
import { realtime } from './realtime.ts'
import { repo } from './repo.ts'
import { search } from './search.ts'
import { tenancy } from './tenancy.ts'
import { timeseriesStore } from './timeseries-store.ts'
import type { AreaRules } from './types.ts'
import { vectorStore } from './vector-store.ts'

/** One entry per decision area, in the order the brief lists them. */
export const RULES: readonly AreaRules[] = [
  repo,
  architectureStyle,
  deployRegions,
  hosting,
  framework,
  database,
  timeseriesStore,
  vectorStore,
  documentStore,
  search,
  fileStorage,
  jobs,
  cache,
  auth,
  payments,
  email,
  observability,
  analytics,
  api,
  tenancy,
  realtime,
  ingestion,
  llm,
]

export const RULES_BY_AREA = Object.fromEntries(RULES.map((r) => [r.area, r])) as Record<Area, AreaRules>
