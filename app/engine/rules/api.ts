import type { Answers } from '#app/engine/answers.ts'
import type { Because, Decision } from '#app/engine/brief.ts'
import { hasExternalClients } from '#app/engine/facts.ts'
import { CLIENT_NAMES, formatNumber, listPhrase } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

function paginate(a: Answers): Because {
  return because(
    'api.paginate_every_list',
    ['load.activeUsersIn12Months'],
    `Every endpoint that returns a list takes a limit and a cursor from the first release, so growing to ${formatNumber(a.load.activeUsersIn12Months)} monthly users never turns one request into an unbounded query.`,
  )
}

function versionedRest(a: Answers): Decision {
  const external = a.product.clients.filter((c) => c !== 'web').map((c) => CLIENT_NAMES[c])
  const installed = a.product.clients.includes('mobile')
    ? '; mobile builds stay installed for months after you ship a new one, so old versions keep calling'
    : ''
  return {
    area: 'api',
    title: 'API',
    choice: { id: 'versioned_rest', name: 'Versioned REST API' },
    status: 'adopt',
    because: [
      because(
        'api.external_clients_need_versioning',
        ['product.clients'],
        `Code you do not deploy calls your backend (${listPhrase(external)}), so publish a versioned REST API (/v1): add fields and endpoints freely, never rename, remove or change the meaning of one, and open /v2 when a break is unavoidable${installed}.`,
      ),
      paginate(a),
    ],
    alternatives: [
      {
        id: 'internal_endpoints',
        name: 'Unversioned endpoints for your own front end',
        whyNot: `Endpoints that change with each deploy would break ${listPhrase(external)} the first time a field moves.`,
      },
      {
        id: 'graphql',
        name: 'GraphQL',
        whyNot:
          'A GraphQL schema adds query cost limits, per-field authorization and harder HTTP caching; versioned REST with additive changes gives outside callers the same stability with less to secure.',
      },
    ],
    revisitWhen: [],
    guide: 'tenants-and-apis',
  }
}

function internalEndpoints(a: Answers): Decision {
  return {
    area: 'api',
    title: 'API',
    choice: { id: 'internal_endpoints', name: 'Endpoints for your own web app' },
    status: 'adopt',
    because: [
      because(
        'api.web_only_internal_endpoints',
        ['product.clients'],
        'Only your own web app calls the backend and it ships in the same deploy, so its endpoints can change in the same pull request as the pages that use them; there is no outside caller to keep a version stable for yet.',
      ),
      paginate(a),
    ],
    alternatives: [
      {
        id: 'versioned_rest',
        name: 'Versioned REST API',
        whyNot:
          'No mobile app, public API or partner calls you yet, so a published version would be a promise with nobody to keep it for; publish /v1 the day the first outside client appears.',
      },
    ],
    revisitWhen: [],
    guide: 'tenants-and-apis',
  }
}

export const api: AreaRules = {
  area: 'api',
  decide: (a) => (hasExternalClients(a) ? versionedRest(a) : internalEndpoints(a)),
  triggers: [],
}
