import type { Area } from './brief.ts'

/**
 * The stable choice ids a brief's decisions use, per area: what a client may
 * branch on in `decisions[].choice.id`, and what an override may choose.
 * Alternatives are listed with the area that offers them. A test holds the
 * engine to this list.
 */
export const CHOICE_IDS = {
  repo: ['monorepo'],
  architecture_style: ['modular_monolith', 'extract_services'],
  deploy_regions: ['single_region', 'multi_region'],
  hosting: ['managed_paas', 'cloud_provider', 'self_hosted'],
  framework: [
    'nextjs',
    'remix',
    'rails',
    'django',
    'laravel',
    'phoenix',
    'spring_boot',
    'aspnet_core',
    'go_stdlib',
    'axum',
  ],
  database: ['postgres'],
  timeseries_store: ['none', 'postgres', 'timescale'],
  vector_store: ['none', 'pgvector', 'dedicated_vector_db'],
  document_store: ['none', 'postgres_jsonb', 'mongodb'],
  search: ['none', 'postgres_fts'],
  file_storage: ['none', 'object_storage'],
  jobs: ['inline', 'postgres_jobs_table', 'queue'],
  cache: ['read_through_cache'],
  auth: ['clerk', 'better_auth', 'stytch', 'auth0', 'workos'],
  payments: ['none', 'stripe', 'razorpay'],
  email: ['postmark', 'resend', 'amazon_ses'],
  observability: ['grafana_stack', 'grafana_self_hosted', 'datadog', 'honeycomb'],
  analytics: ['product_analytics'],
  api: ['versioned_rest', 'internal_endpoints'],
  tenancy: ['org_scoped', 'user_scoped', 'none'],
  realtime: ['none', 'websocket_service'],
  ingestion: ['none', 'ingestion_endpoint'],
  llm: ['none', 'hosted_llm_api'],
} as const satisfies Record<Area, readonly string[]>

export type ChoiceIds = typeof CHOICE_IDS
