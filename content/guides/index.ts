/** The playbook's guides in reading order; each is `content/guides/<slug>.mdx`, rendered at /guides/<slug>. */
export const GUIDE_SLUGS = [
  'default-stack',
  'databases',
  'auth-and-payments',
  'jobs',
  'caching',
  'day-one',
  'tenants-and-apis',
  'observability',
  'migration-triggers',
  'cost-bands',
] as const

export type GuideSlug = (typeof GUIDE_SLUGS)[number]
