import type { LANGUAGES, REGIMES, RESIDENCY_REGIONS } from '#app/engine/answers.ts'

/**
 * Names of answer choices that several renderings share. The choice `other`
 * is left out where it has one: each sentence or label words it its own way.
 */

type Named<T extends readonly string[]> = Record<Exclude<T[number], 'other'>, string>

/** Languages as their makers spell them. */
export const LANGUAGE_NAMES: Named<typeof LANGUAGES> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  ruby: 'Ruby',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  kotlin: 'Kotlin',
  php: 'PHP',
  elixir: 'Elixir',
  csharp: 'C#',
  rust: 'Rust',
}

/** Residency regions as a sentence names them: "kept in the US". */
export const REGION_NAMES: Named<typeof RESIDENCY_REGIONS> = {
  us: 'the US',
  eu: 'the EU',
  uk: 'the UK',
  india: 'India',
  canada: 'Canada',
  australia: 'Australia',
  brazil: 'Brazil',
  singapore: 'Singapore',
}

/** Residency regions as a label or a diagram names them: "US". */
export const REGION_LABELS: Named<typeof RESIDENCY_REGIONS> = {
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  india: 'India',
  canada: 'Canada',
  australia: 'Australia',
  brazil: 'Brazil',
  singapore: 'Singapore',
}

/** Regulatory regimes as their texts name them. */
export const REGIME_NAMES: Record<(typeof REGIMES)[number], string> = {
  gdpr: 'GDPR',
  hipaa: 'HIPAA',
  soc2: 'SOC 2',
  pci_dss: 'PCI DSS',
  ccpa: 'CCPA',
  dpdp: 'DPDP',
  rbi: 'RBI payment data localisation',
}

/** The playbook's guides by slug, as briefs and decision records title them. */
export const GUIDE_TITLES: Record<string, string> = {
  'default-stack': 'The default stack',
  databases: 'Choosing the database',
  'auth-and-payments': 'Auth and payments',
  jobs: 'Background jobs',
  caching: 'Caching',
  'day-one': 'Day one',
  'tenants-and-apis': 'Tenants and APIs',
  observability: 'Observability',
  'migration-triggers': 'Migration triggers',
  'cost-bands': 'Cost bands',
}
