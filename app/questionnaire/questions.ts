import {
  type AnswerPath,
  CLIENTS,
  DATA_KINDS,
  HOSTING,
  IDENTITY_MODELS,
  LANGUAGES,
  MARKETS,
  OPS_EXPERIENCE,
  PAYMENT_MODELS,
  PRODUCT_SHAPES,
  READ_WRITE_PROFILES,
  REALTIME,
  REGIMES,
  RESIDENCY_REGIONS,
  SELLS_TO,
  SENSITIVE_DATA,
  UPTIME_TARGETS,
} from '#app/engine/answers.ts'
import { ANSWER_LABELS, guideTitle } from '#app/vocabulary/answer-labels.ts'
import type { GuideSlug } from '../../content/guides/index.ts'
import type { Section } from './steps.ts'

/**
 * The questions, step by step, in the order they are asked. Option values
 * come from the Answers vocabulary and their words from the labels every
 * brief uses, so a choice reads the same in the form and in the brief.
 *
 * Read on the server only: the vocabulary lives in the module that builds the
 * zod schemas, which the browser is not sent. A step's loader hands its
 * questions to the page as plain data (`questionViews`).
 */

export type QuestionKind = 'text' | 'long-text' | 'whole-number' | 'number' | 'one-of' | 'any-of' | 'yes'

export interface Question {
  name: string
  path: AnswerPath
  kind: QuestionKind
  /** The question itself; for a `yes` box, the statement a tick agrees with. */
  label: string
  /** How to answer, when that is not obvious. */
  hint?: string
  /** One line: what the answer changes in the brief. */
  why: string
  guide: GuideSlug
  options?: readonly string[]
  /** Words under an option, where its name alone is not enough. */
  optionHints?: Record<string, string>
  /** Shown after a number box: "GB", "seconds". */
  unit?: string
  optional?: boolean
  /** For an optional field left empty: how the review says what will be used instead. */
  whenEmpty?: string
  /** For fields asked only with one kind of data: the note shown when scripts are off and the field always shows. */
  onlyWith?: { kind: string; note: string }
  /** A form field that shapes another answer (the main language orders the languages) and is not an answer itself. */
  formOnly?: boolean
}

export function optionLabel(question: Question, value: string): string {
  // A form-only question borrows the words of the list answer it orders, so its one value is read as a list of one.
  const asList = question.kind === 'any-of' || question.formOnly
  return ANSWER_LABELS[question.path].format(asList ? [value] : value)
}

/** A question as the page renders it: every word resolved, nothing but data. */
export interface QuestionView {
  name: string
  kind: QuestionKind
  label: string
  hint?: string
  why: string
  guide: GuideSlug
  guideTitle: string
  options?: { value: string; label: string; hint?: string }[]
  unit?: string
  optional?: boolean
  onlyWith?: { kind: string; note: string }
}

export function questionViews(section: Section): QuestionView[] {
  return QUESTIONS[section].map(
    ({ path: _path, options, optionHints, whenEmpty: _whenEmpty, formOnly: _f, ...question }) => ({
      ...question,
      guideTitle: guideTitle(question.guide),
      options: options?.map((value) => ({
        value,
        label: optionLabel({ ...question, path: _path, formOnly: _f }, value),
        ...(optionHints?.[value] ? { hint: optionHints[value] } : {}),
      })),
    }),
  )
}

export const QUESTIONS: Record<Section, readonly Question[]> = {
  product: [
    {
      name: 'name',
      path: 'product.name',
      kind: 'text',
      label: 'What is the product called?',
      hint: 'A working name is fine.',
      why: 'It titles the brief and every file exported from it.',
      guide: 'default-stack',
    },
    {
      name: 'summary',
      path: 'product.summary',
      kind: 'long-text',
      label: 'What must the first release prove?',
      hint: 'One or two sentences.',
      why: 'Anything that does not serve this goal is a candidate for later.',
      guide: 'default-stack',
      optional: true,
    },
    {
      name: 'shape',
      path: 'product.shape',
      kind: 'one-of',
      label: 'What kind of product is it?',
      why: 'The shape sets the starting point for tenancy, payments and the framework.',
      guide: 'default-stack',
      options: PRODUCT_SHAPES,
    },
    {
      name: 'sellsTo',
      path: 'product.sellsTo',
      kind: 'one-of',
      label: 'Who buys it?',
      why: 'Selling to organizations brings shared accounts, roles and, in time, single sign-on.',
      guide: 'tenants-and-apis',
      options: SELLS_TO,
    },
    {
      name: 'clients',
      path: 'product.clients',
      kind: 'any-of',
      label: 'What talks to your backend?',
      hint: 'Tick every one that applies.',
      why: 'Once outsiders call your API, its endpoints become a contract you have to version.',
      guide: 'tenants-and-apis',
      options: CLIENTS,
    },
    {
      name: 'realtime',
      path: 'product.realtime',
      kind: 'one-of',
      label: 'Do users need changes pushed to them live?',
      why: 'Live updates need long-lived connections, which rules some hosting out.',
      guide: 'default-stack',
      options: REALTIME,
    },
  ],
  team: [
    {
      name: 'engineers',
      path: 'team.engineers',
      kind: 'whole-number',
      label: 'How many engineers build the product today?',
      why: 'A small team gets one deployable: every extra service needs people to run it.',
      guide: 'default-stack',
    },
    {
      name: 'engineersIn12Months',
      path: 'team.engineersIn12Months',
      kind: 'whole-number',
      label: 'How many engineers do you expect in 12 months?',
      hint: 'Leave empty if the team will stay the same size.',
      why: 'More than fifteen engineers on one service is the point to consider splitting it.',
      guide: 'migration-triggers',
      optional: true,
      whenEmpty: 'same as now',
    },
    {
      name: 'languages',
      path: 'team.languages',
      kind: 'any-of',
      label: 'Which languages does the team already ship in?',
      hint: 'Tick at least one.',
      why: 'The framework recommendation starts from what the team already knows.',
      guide: 'default-stack',
      options: LANGUAGES,
    },
    {
      name: 'primaryLanguage',
      path: 'team.languages',
      kind: 'one-of',
      label: 'Which of them would the team write a new service in?',
      hint: 'Leave it unset to take the first one ticked above.',
      why: 'The framework is chosen in the team’s main language, not in whichever it lists first.',
      guide: 'default-stack',
      options: LANGUAGES,
      optional: true,
      formOnly: true,
    },
    {
      name: 'opsExperience',
      path: 'team.opsExperience',
      kind: 'one-of',
      label: 'How much experience does the team have running servers and databases?',
      why: 'Without operations experience, a managed platform costs less than the time lost running machines.',
      guide: 'default-stack',
      options: OPS_EXPERIENCE,
    },
  ],
  load: [
    {
      name: 'activeUsersAtLaunch',
      path: 'load.activeUsersAtLaunch',
      kind: 'whole-number',
      label: 'How many monthly active users do you expect at launch?',
      hint: 'A rough figure is enough.',
      why: 'It sets the first month of the cost bands.',
      guide: 'cost-bands',
    },
    {
      name: 'activeUsersIn12Months',
      path: 'load.activeUsersIn12Months',
      kind: 'whole-number',
      label: 'And 12 months after launch?',
      why: 'The year-one figure shapes the cost curve and shows which triggers are already close.',
      guide: 'cost-bands',
    },
    {
      name: 'peakRequestsPerSecond',
      path: 'load.peakRequestsPerSecond',
      kind: 'number',
      label: 'Peak requests per second at 12 months',
      hint: 'Leave empty to estimate it: one request a second for every 1,000 monthly active users.',
      why: 'Peaks, not averages, decide instance sizes and whether caching ever comes up.',
      guide: 'caching',
      unit: 'requests/s',
      optional: true,
      whenEmpty: 'estimated',
    },
    {
      name: 'readWriteProfile',
      path: 'load.readWriteProfile',
      kind: 'one-of',
      label: 'Does the product mostly read data, mostly write it, or both evenly?',
      why: 'Read-heavy products get read-friendly tables and indexes long before any cache.',
      guide: 'caching',
      options: READ_WRITE_PROFILES,
    },
    {
      name: 'dataVolumeGbIn12Months',
      path: 'load.dataVolumeGbIn12Months',
      kind: 'number',
      label: 'How large will the database be after 12 months?',
      why: 'Size drives storage costs and the point where a warehouse or a search engine pays off.',
      guide: 'databases',
      unit: 'GB',
    },
    {
      name: 'longestTaskSeconds',
      path: 'load.longestTaskSeconds',
      kind: 'number',
      label: 'How long does the slowest piece of work that one request or event starts take?',
      hint: 'For example generating a report or processing an upload.',
      why: 'Work that outlasts a request’s time budget belongs in a background job.',
      guide: 'jobs',
      unit: 'seconds',
    },
    {
      name: 'scheduledWork',
      path: 'load.scheduledWork',
      kind: 'yes',
      label: 'Some work runs on a schedule (nightly reports, reminders, clean-ups)',
      why: 'Scheduled work needs a job runner even when nothing else does.',
      guide: 'jobs',
    },
    {
      name: 'fanOut',
      path: 'load.fanOut',
      kind: 'yes',
      label: 'One event must reach several handlers (an order that bills, emails and updates stock)',
      why: 'Fan-out is one of the few cases where a queue earns its place.',
      guide: 'jobs',
    },
    {
      name: 'needsRetries',
      path: 'load.needsRetries',
      kind: 'yes',
      label: 'Some work must be retried with backoff, and failures set aside for a person to check',
      why: 'Retries and dead letters are another case for a queue rather than a jobs table.',
      guide: 'jobs',
    },
    {
      name: 'ingestEventsPerSecond',
      path: 'load.ingestEventsPerSecond',
      kind: 'number',
      label: 'Events per second that devices or other systems send at 12 months',
      hint: 'Sensor readings, webhooks, tracking events: anything that arrives apart from people using the product. Leave empty if there are none.',
      why: 'A steady stream of events gets its own ingestion path, sized from this rate rather than from the users.',
      guide: 'databases',
      unit: 'events/s',
      optional: true,
      whenEmpty: 'none apart from user requests',
    },
    {
      name: 'similarityQueriesPerSecond',
      path: 'load.similarityQueriesPerSecond',
      kind: 'number',
      label: 'Similarity searches per second at peak, at 12 months',
      hint: 'Only if you keep embeddings. Leave empty to estimate it from the users.',
      why: 'The search rate, with the count and dimensions of the embeddings, sizes the vector index.',
      guide: 'databases',
      unit: 'searches/s',
      optional: true,
      whenEmpty: 'estimated',
    },
  ],
  data: [
    {
      name: 'kinds',
      path: 'data.kinds',
      kind: 'any-of',
      label: 'What kinds of data will the product keep?',
      hint: 'Relational covers accounts, orders and most records. Tick the others only if they are a real part of the product.',
      why: 'Each extra kind is first tried in Postgres before another store is considered.',
      guide: 'databases',
      options: DATA_KINDS,
    },
    {
      name: 'sensitive',
      path: 'data.sensitive',
      kind: 'any-of',
      label: 'Does the product hold any of these kinds of sensitive data?',
      hint: 'Leave every box empty if it holds none.',
      why: 'Health data needs a signed BAA from every vendor that touches it; card data must stay with the payment processor.',
      guide: 'auth-and-payments',
      options: SENSITIVE_DATA,
    },
    {
      name: 'fileStorageGbIn12Months',
      path: 'data.fileStorageGbIn12Months',
      kind: 'number',
      label: 'How much will the stored files take after 12 months?',
      hint: 'Leave empty to estimate it from the users.',
      why: 'File storage is priced apart from the database, by the gigabyte.',
      guide: 'databases',
      unit: 'GB',
      optional: true,
      whenEmpty: 'estimated',
      onlyWith: { kind: 'files', note: 'Only if you keep files.' },
    },
    {
      name: 'timeseriesEventsPerSecond',
      path: 'data.timeseriesEventsPerSecond',
      kind: 'number',
      label: 'Time-series events written per second at 12 months, sustained',
      why: 'From about 1,000 events a second, a time-series extension is worth adding.',
      guide: 'databases',
      unit: 'events/s',
      onlyWith: { kind: 'timeseries', note: 'Only if you keep time-series data.' },
    },
    {
      name: 'timeseriesRetentionDays',
      path: 'data.timeseriesRetentionDays',
      kind: 'whole-number',
      label: 'How many days are time-series events kept?',
      hint: 'Leave empty if they are kept for good.',
      why: 'Retention decides how much the time-series store holds, and so its size and cost.',
      guide: 'databases',
      unit: 'days',
      optional: true,
      whenEmpty: 'kept for good',
      onlyWith: { kind: 'timeseries', note: 'Only if you keep time-series data.' },
    },
    {
      name: 'vectorCount',
      path: 'data.vectorCount',
      kind: 'whole-number',
      label: 'How many embeddings will you store at 12 months?',
      why: 'The count decides whether vectors stay beside the rest of your data in Postgres.',
      guide: 'databases',
      unit: 'vectors',
      onlyWith: { kind: 'vectors', note: 'Only if you keep vectors (embeddings).' },
    },
    {
      name: 'vectorDimensions',
      path: 'data.vectorDimensions',
      kind: 'whole-number',
      label: 'How many dimensions does each embedding have?',
      hint: 'The embedding model says: 1,536 for many. Leave empty to assume 1,536.',
      why: 'Count times dimensions is the memory the vector index needs.',
      guide: 'databases',
      optional: true,
      whenEmpty: 'estimated',
      onlyWith: { kind: 'vectors', note: 'Only if you keep vectors (embeddings).' },
    },
    {
      name: 'auditTrail',
      path: 'data.auditTrail',
      kind: 'yes',
      label: 'You must keep an audit trail of who changed what',
      why: 'An append-only audit log is cheap before launch and hard to rebuild after it.',
      guide: 'tenants-and-apis',
    },
  ],
  compliance: [
    {
      name: 'regimes',
      path: 'compliance.regimes',
      kind: 'any-of',
      label: 'Which regulations apply to you?',
      hint: 'Leave every box empty if none do.',
      why: 'Rules such as HIPAA and PCI DSS narrow the vendors you can use and add day-one work.',
      guide: 'auth-and-payments',
      options: REGIMES,
    },
    {
      name: 'dataResidency',
      path: 'compliance.dataResidency',
      kind: 'any-of',
      label: 'Must data stay within particular regions?',
      hint: 'Tick each region it must stay in; leave every box empty if there is no such rule.',
      why: 'Each region adds a deployment, and needing two or more is a trigger in its own right.',
      guide: 'migration-triggers',
      options: RESIDENCY_REGIONS,
    },
    {
      name: 'markets',
      path: 'compliance.markets',
      kind: 'any-of',
      label: 'Where are your paying users?',
      hint: 'Tick at least one.',
      why: 'Markets choose the payment provider and the region worth serving from.',
      guide: 'auth-and-payments',
      options: MARKETS,
    },
    {
      name: 'identity',
      path: 'compliance.identity',
      kind: 'one-of',
      label: 'How do accounts relate to each other?',
      why: 'The account model is one of the few things that must be right on day one.',
      guide: 'day-one',
      options: IDENTITY_MODELS,
      optionHints: {
        personal: 'Each account belongs to one person.',
        organizations: 'People sign in as members of one company or group.',
        organizations_with_teams: 'Organizations split into teams with their own access.',
        multi_org_membership: 'One person can belong to several organizations and switch between them.',
      },
    },
    {
      name: 'enterpriseSso',
      path: 'compliance.enterpriseSso',
      kind: 'yes',
      label: 'Customers will require single sign-on through their own identity provider (SAML or OIDC)',
      why: 'Enterprise sign-on rules some auth providers in and others out.',
      guide: 'auth-and-payments',
    },
    {
      name: 'payments',
      path: 'compliance.payments',
      kind: 'one-of',
      label: 'How will users pay?',
      why: 'Subscriptions, usage billing and payouts each ask different things of the payment provider.',
      guide: 'auth-and-payments',
      options: PAYMENT_MODELS,
    },
  ],
  budget: [
    {
      name: 'monthlyInfraUsd',
      path: 'budget.monthlyInfraUsd',
      kind: 'number',
      label: 'What can you spend on infrastructure each month?',
      hint: 'In US dollars. Hosting, database, email and the other services, not salaries.',
      why: 'The cost bands are compared with it, and spending more than this is a trigger of its own.',
      guide: 'cost-bands',
      unit: 'USD a month',
    },
    {
      name: 'hosting',
      path: 'budget.hosting',
      kind: 'one-of',
      label: 'Where do you want to run it?',
      why: 'A managed platform costs a little more and spares you an operations person.',
      guide: 'default-stack',
      options: HOSTING,
    },
    {
      name: 'weeksToLaunch',
      path: 'budget.weeksToLaunch',
      kind: 'whole-number',
      label: 'How many weeks until the first launch?',
      why: 'A short runway favours tools the team knows and services you buy rather than build.',
      guide: 'default-stack',
      unit: 'weeks',
    },
  ],
  ai: [
    {
      name: 'llmCallsPerActiveUserPerMonth',
      path: 'ai.llmCallsPerActiveUserPerMonth',
      kind: 'number',
      label: 'How many calls to a language model does one active user cause in a month?',
      hint: 'A chat message is one call; a summary made for every upload is one per upload. Leave empty if the product calls no model.',
      why: 'Model calls are priced by the token and can outgrow the rest of the bill.',
      guide: 'cost-bands',
      unit: 'calls',
      optional: true,
    },
    {
      name: 'tokensPerCall',
      path: 'ai.tokensPerCall',
      kind: 'whole-number',
      label: 'Tokens in and out of one call, together',
      hint: 'A page of text is about 500 tokens; a prompt with retrieved context is often 2,000 to 4,000.',
      why: 'Tokens per call times calls is what the model provider bills.',
      guide: 'cost-bands',
      unit: 'tokens',
      optional: true,
    },
    {
      name: 'embeddingsPerMonth',
      path: 'ai.embeddingsPerMonth',
      kind: 'whole-number',
      label: 'How many texts are turned into embeddings each month?',
      hint: 'Leave empty if none are.',
      why: 'Embeddings are billed by the token, and each one adds to the vector index.',
      guide: 'databases',
      unit: 'texts',
      optional: true,
      whenEmpty: 'none',
    },
  ],
  operations: [
    {
      name: 'uptimeTarget',
      path: 'operations.uptimeTarget',
      kind: 'one-of',
      label: 'What uptime do you promise customers?',
      why: 'Each extra nine asks for a standby database, more instances and someone on call.',
      guide: 'day-one',
      options: UPTIME_TARGETS,
    },
    {
      name: 'restoreWithinHours',
      path: 'operations.restoreWithinHours',
      kind: 'number',
      label: 'If the database were lost, within how many hours must the service be back?',
      why: 'The restore time decides whether backups alone are enough or a standby must be ready.',
      guide: 'day-one',
      unit: 'hours',
    },
    {
      name: 'maxDataLossMinutes',
      path: 'operations.maxDataLossMinutes',
      kind: 'number',
      label: 'How many minutes of recent writes could the business lose in the worst case?',
      why: 'Below a few minutes, backups must be continuous (point-in-time recovery), not nightly.',
      guide: 'day-one',
      unit: 'minutes',
    },
  ],
}
