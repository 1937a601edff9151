import type { Area } from '../brief'
import { analytics } from './analytics'
import { api } from './api'
import { architectureStyle } from './architecture-style'
import { auth } from './auth'
import { cache } from './cache'
import { database } from './database'
import { deployRegions } from './deploy-regions'
import { documentStore } from './document-store'
import { email } from './email'
import { fileStorage } from './file-storage'
import { framework } from './framework'
import { hosting } from './hosting'
import { ingestion } from './ingestion'
import { jobs } from './jobs'
import { llm } from './llm'
import { observability } from './observability'
import { payments } from './payments'
import { realtime } from './realtime'
import { repo } from './repo'
import { search } from './search'
import { tenancy } from './tenancy'
import { timeseriesStore } from './timeseries-store'
import type { AreaRules } from './types'
import { vectorStore } from './vector-store'

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
