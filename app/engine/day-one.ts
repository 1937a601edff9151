import { because } from '#app/engine/rules/types.ts'
import type { Answers } from './answers.ts'
import type { DayOneItem, Decision } from './brief.ts'
import { decisionFor, inputsOf } from './chosen.ts'
import { hasExternalClients, hasPayments, sellsToOrganizations } from './facts.ts'
import { joinWords } from './prose.ts'

/**
 * What cannot be deferred: work that costs days before the first user and
 * months after. Four items always (data model, identity model, idempotency,
 * observability), and the ones the answers call for.
 */

type Shape = Answers['product']['shape']
type Identity = Answers['compliance']['identity']

const IDENTITY_LABELS: Record<Identity, string> = {
  personal: 'personal accounts',
  organizations: 'organizations, one per user',
  organizations_with_teams: 'organizations with teams',
  multi_org_membership: 'several organizations per user',
}

/** The entities a first data model of each shape usually starts from. */
export const CORE_ENTITIES: Record<Shape, readonly string[]> = {
  b2b_saas: ['organizations', 'users', 'subscriptions', 'the records of the core workflow'],
  consumer: ['users', 'profiles', 'the content people create', 'follows or connections'],
  marketplace: ['buyers', 'sellers', 'listings', 'orders', 'payouts', 'reviews'],
  internal_tool: ['employees', 'the records the tool manages', 'approvals'],
  api_platform: ['accounts', 'api_keys', 'usage_records', 'webhook_endpoints'],
  ecommerce: ['customers', 'products', 'variants', 'carts', 'orders', 'order_items', 'refunds'],
  content_media: ['authors', 'media items', 'subscriptions', 'comments'],
  data_product: ['sources', 'datasets', 'pipeline_runs', 'reports'],
  ai_product: ['users', 'documents', 'chunks with their embeddings', 'conversations', 'usage'],
  iot: ['devices', 'device owners', 'readings', 'alerts'],
}

export const SHAPE_LABELS: Record<Shape, string> = {
  b2b_saas: 'B2B SaaS product',
  consumer: 'consumer app',
  marketplace: 'marketplace',
  internal_tool: 'internal tool',
  api_platform: 'API platform',
  ecommerce: 'online shop',
  content_media: 'content product',
  data_product: 'data product',
  ai_product: 'AI product',
  iot: 'connected-device product',
}

export function dataModel(a: Answers): DayOneItem {
  const shape = a.product.shape
  return {
    id: 'data_model',
    title: 'Design the data model before the first migration',
    actions: [
      `List the core entities (for a ${SHAPE_LABELS[shape]}: ${joinWords(CORE_ENTITIES[shape])}) and give every reference between them a foreign key the database enforces.`,
      'Choose, entity by entity, how rows go away: a deleted_at column where people expect undo, history or a legal hold; a hard delete where the data must truly disappear, such as an erasure request or expired tokens.',
      'Keep every migration backward-compatible: add the new shape, backfill, switch reads, and drop the old shape only in a later release, so old and new code can run side by side.',
      'Wrap each migration in a transaction and avoid statements that lock a busy table: add columns as nullable, backfill in batches, and build indexes concurrently in a step of their own.',
    ],
    because: [
      because(
        'day_one.data_model',
        ['product.shape'],
        'Reshaping tables under live users and tens of thousands of rows costs weeks; a day of modelling now avoids it.',
      ),
    ],
    guide: 'day-one',
  }
}

/** The tables and relations each identity model needs on day one. */
const IDENTITY_TABLES: Record<Identity, readonly string[]> = {
  personal: [
    'Create users (id, email unique, created_at) and give every row a person owns a user_id foreign key.',
    "Store the auth provider's subject id in one column beside your own user id, so a change of provider touches one column and not every table.",
    'If shared workspaces are likely within a year, model organizations now: moving ownership from users to organizations later touches every table and permission check.',
  ],
  organizations: [
    'Create users, organizations, and memberships (user_id, organization_id, role).',
    'Allow one organization per user with a unique index on memberships.user_id; allowing several later is dropping that index, not migrating data.',
    'Give every row the organization owns an organization_id foreign key, and check roles on the membership, never on users.',
  ],
  organizations_with_teams: [
    'Create users, organizations, memberships (user_id, organization_id, role), teams (id, organization_id, name) and team_memberships (team_id, user_id, role).',
    "Enforce that a team member is also a member of the team's organization, and resolve permissions from the organization role first, then the team role.",
    'Decide now whether records belong to the organization or to a team, and store that owner on each record.',
  ],
  multi_org_membership: [
    'Create users, organizations, and memberships (user_id, organization_id, role) with a unique index on the pair, so one person can join several organizations.',
    'Keep the active organization in the session, and read the role from the membership of that organization on every request; a role stored on users would leak across organizations.',
    'Give invitations their own table (organization_id, email, role, token, expires_at) so joining a second organization is the same path as joining the first.',
  ],
}

export function identityModel(a: Answers): DayOneItem {
  const { identity, enterpriseSso } = a.compliance
  const sso =
    enterpriseSso && identity !== 'personal'
      ? [
          'Add sso_connections (organization_id, verified email domain, provider connection id) so single sign-on lands each person in the right organization, and plan for deprovisioning when a customer asks.',
        ]
      : []
  return {
    id: 'identity_model',
    title: 'Settle how accounts relate before there are accounts',
    actions: [...IDENTITY_TABLES[identity], ...sso],
    because: [
      because(
        'day_one.identity_model',
        ['compliance.identity', 'compliance.enterpriseSso'],
        `Accounts follow the model of ${IDENTITY_LABELS[identity]}${enterpriseSso ? ', with enterprise single sign-on' : ''}; reshaping it after launch means data migrations and rewriting every permission check.`,
      ),
    ],
    guide: 'day-one',
  }
}

export function tenantId(a: Answers): DayOneItem | undefined {
  const byCustomer = sellsToOrganizations(a)
  const byIdentity = a.compliance.identity !== 'personal'
  if (!byCustomer && !byIdentity) return undefined
  const why = byCustomer
    ? `The product sells to ${a.product.sellsTo === 'both' ? 'organizations as well as individuals' : 'organizations'}`
    : `Accounts belong to ${IDENTITY_LABELS[a.compliance.identity]}`
  return {
    id: 'tenant_id',
    title: 'Put the tenant id in the data model',
    actions: [
      'Add organization_id (the tenant id) to every table that holds customer data: not null, with a foreign key, and first in composite indexes.',
      'Scope every query through one place that adds the tenant filter (a repository helper or Postgres row-level security), and test that one tenant cannot read the rows of another.',
      'Take the tenant from the signed-in session, never from a request body or a query string.',
      'Key usage meters, billing and rate limits by tenant from the start.',
    ],
    because: [
      because(
        'day_one.tenant_id',
        ['product.sellsTo', 'compliance.identity'],
        `${why}; scoping by tenant is cheap before mixed data exists and painful after.`,
      ),
    ],
    guide: 'tenants-and-apis',
  }
}

type Payments = Answers['compliance']['payments']

/** The retried writes that would hurt most, per payment model. */
const PAYMENT_MUTATIONS: Record<Payments, readonly string[]> = {
  none: [],
  one_time: ['POST /checkout (starting a payment)', 'recording a completed payment from the provider webhook'],
  subscriptions: ['starting, changing and cancelling a subscription', 'recording an invoice payment from the webhook'],
  usage_based: ['recording metered usage that will be billed', 'recording an invoice payment from the webhook'],
  marketplace_payouts: [
    'charging a buyer',
    'releasing a payout to a seller',
    'recording a transfer or payout from the webhook',
  ],
}

const ORDER_SHAPES: readonly Shape[] = ['ecommerce', 'marketplace']

export function criticalMutations(a: Answers): string[] {
  const orders = ORDER_SHAPES.includes(a.product.shape) ? ['POST /orders (placing an order or booking)'] : []
  const payments = PAYMENT_MUTATIONS[a.compliance.payments]
  const refunds = hasPayments(a) ? ['issuing a refund'] : []
  return [...orders, ...payments, ...refunds]
}

export function idempotency(a: Answers): DayOneItem {
  const mutations = criticalMutations(a)
  const money = mutations.length > 0
  const named = money
    ? joinWords(mutations)
    : 'every create a client may retry: sign-up, invitations, and anything that sends an email or a message'
  const webhooks = hasPayments(a)
    ? [
        'Treat payment-provider webhooks the same way: store each event id under a unique index before acting on it, since providers deliver some events more than once.',
      ]
    : []
  const reason = money
    ? `With ${[
        hasPayments(a) ? `payments (${a.compliance.payments.replaceAll('_', ' ')})` : '',
        ORDER_SHAPES.includes(a.product.shape) ? `orders (${a.product.shape})` : '',
      ]
        .filter(Boolean)
        .join(' and ')}, a retried request that runs twice charges, orders or pays out twice.`
    : 'Nothing here moves money, but a retried create still must not make two of anything, and the key costs an hour to add now.'
  return {
    id: 'idempotency',
    title: 'Make critical writes safe to retry',
    actions: [
      `Accept an Idempotency-Key header on ${named}; a retry with the same key returns the first result instead of repeating the effect.`,
      'Keep an idempotency_keys table (key, caller id, request hash, response, created_at) with a unique index on key and caller, check it in the same transaction as the write, and reject a reused key whose request differs.',
      'Keep keys for at least a day, longer than any client keeps retrying.',
      ...webhooks,
    ],
    because: [because('day_one.idempotency', ['product.shape', 'compliance.payments'], reason)],
    guide: 'day-one',
  }
}

/** Where each observability choice puts logs, metrics and traces. */
const OBSERVABILITY_SINKS: Record<string, string> = {
  grafana_stack: 'Grafana Cloud (logs in Loki, metrics in Prometheus, traces in Tempo)',
  datadog: 'Datadog (logs, metrics and APM traces in one account)',
  honeycomb: 'Honeycomb (traces and wide events, with metrics sent alongside)',
}

/** The tool the observability decision chose, with where each signal goes when the engine knows it. */
export function observabilitySink(decision: Decision | undefined): string {
  if (!decision || decision.choice.id === 'none') return 'the observability tool this brief chooses'
  return OBSERVABILITY_SINKS[decision.choice.id] ?? decision.choice.name
}

export function observability(decision: Decision | undefined): DayOneItem {
  const sink = observabilitySink(decision)
  return {
    id: 'observability',
    title: 'Instrument before the first feature ships',
    actions: [
      'Log one structured JSON line per request and per job: request id, user or tenant id, route, status and duration; pass the request id on to jobs and outgoing calls.',
      'Record RED metrics for every route and job: rate, errors, and duration at p50 and p95.',
      'Trace requests end to end with OpenTelemetry, so a slow request shows which query or call took the time.',
      'Add one alert now: the error rate jumps (for example above 2% for five minutes), routed to a person who will act on it.',
      `Send all of it to ${sink}.`,
    ],
    because: [
      because(
        'day_one.observability',
        inputsOf(decision),
        `Without logs, metrics and traces the first production incident is guesswork; they take half a day now, and the tool follows the observability decision (${decision?.choice.name ?? 'not made'}).`,
      ),
    ],
    guide: 'observability',
  }
}

export function auditLog(a: Answers): DayOneItem | undefined {
  if (!a.data.auditTrail) return undefined
  return {
    id: 'audit_log',
    title: 'Keep an append-only audit log',
    actions: [
      'Create audit_events (id, tenant id where there is one, actor_id, action, subject type and id, payload jsonb, occurred_at) and write to it in the same transaction as the change it records.',
      'Make it append-only: the application role may insert and select, never update or delete.',
      'Treat each payload as a published contract: give every event type a version, add fields, and never change the meaning of one already written.',
    ],
    because: [
      because(
        'day_one.audit_log',
        ['data.auditTrail'],
        'An audit trail is required; one written from the start is complete, one added later has a gap nobody can fill.',
      ),
    ],
    guide: 'day-one',
  }
}

const CLIENT_LABELS: Record<Answers['product']['clients'][number], string> = {
  web: 'the web front end',
  mobile: 'mobile apps',
  public_api: 'public API users',
  partner_integrations: 'partner integrations',
}

export function versionedApi(a: Answers): DayOneItem | undefined {
  if (!hasExternalClients(a)) return undefined
  const outside = a.product.clients.filter((c) => c !== 'web').map((c) => CLIENT_LABELS[c])
  const mobile = a.product.clients.includes('mobile')
    ? [
        'Expect old mobile builds to keep calling for months after a release: keep every version they use working until their traffic is gone.',
      ]
    : []
  return {
    id: 'versioned_api',
    title: 'Version the API from the first release',
    actions: [
      `Publish the first release as v1 (a /v1 path prefix or a version header) so ${joinWords(outside)} can depend on it.`,
      'Evolve it by adding: new optional fields and new endpoints; never rename a field or change its type or meaning in place.',
      'When a change must break, run v2 beside v1 and announce a retirement date for v1.',
      ...mobile,
      'Keep an OpenAPI description in the repository and test responses against it.',
    ],
    because: [
      because(
        'day_one.versioned_api',
        ['product.clients'],
        `Clients you do not deploy (${joinWords(outside)}) break when a field silently changes meaning.`,
      ),
    ],
    guide: 'tenants-and-apis',
  }
}

export function pagination(): DayOneItem {
  return {
    id: 'pagination',
    title: 'Paginate every list endpoint',
    actions: [
      'Page every list with a cursor (keyset): ORDER BY created_at DESC, id DESC and continue WHERE (created_at, id) < (the last pair seen); avoid OFFSET, which slows down as tables grow.',
      'Cap the page size (for example 100) and return the next cursor with each page.',
      'Index the columns the cursor sorts on.',
    ],
    because: [
      because(
        'day_one.pagination',
        [],
        'A list that returns everything is fast with test data and times out with real data; a cursor keeps every page the same cost.',
      ),
    ],
    guide: 'tenants-and-apis',
  }
}

/**
 * The day-one items, in a fixed order. The observability item names the tool
 * of the observability decision, so the two always agree.
 */
export function planDayOne(a: Answers, decisions: readonly Decision[]): DayOneItem[] {
  const observabilityDecision = decisionFor(decisions, 'observability')
  return [
    dataModel(a),
    identityModel(a),
    tenantId(a),
    idempotency(a),
    observability(observabilityDecision),
    auditLog(a),
    versionedApi(a),
    pagination(),
  ].filter((item): item is DayOneItem => item !== undefined)
}
