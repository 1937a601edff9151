import type { Answers } from '#app/engine/answers.ts'
import type { Because, Decision } from '#app/engine/brief.ts'
import { sellsToOrganizations } from '#app/engine/facts.ts'
import { type AreaRules, because } from './types.ts'

const IDENTITY_SHAPES: Record<Exclude<Answers['compliance']['identity'], 'personal'>, string> = {
  organizations:
    'Accounts belong to organizations: the organization is the tenant, and each user row points at exactly one.',
  organizations_with_teams:
    'Organizations contain teams: teams are rows inside a tenant and carry its org id too, so a team can never reach across organizations.',
  multi_org_membership:
    'A person can belong to several organizations: keep memberships in their own table (user, organization, role) and take the active organization from the session, never from the user row.',
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)

function orgScoped(a: Answers): Decision {
  const list: Because[] = []
  const { sellsTo } = a.product
  const { identity } = a.compliance
  if (sellsTo === 'individuals' && identity !== 'personal') {
    list.push(
      because(
        'tenancy.accounts_grouped_in_organizations',
        ['product.sellsTo', 'compliance.identity'],
        `You sell to individuals, but their accounts are grouped into organizations, so every tenant-owned row carries an org id and every query and API call is scoped by it from day one; ${lowerFirst(IDENTITY_SHAPES[identity])}`,
      ),
    )
  } else {
    list.push(
      because(
        'tenancy.sells_to_organizations',
        ['product.sellsTo'],
        `You sell to ${sellsTo === 'both' ? 'organizations as well as individuals' : 'organizations'}, so every tenant-owned row carries an org id from the first migration and every query and API call is scoped by it; adding it once customers’ data is mixed means migrating every table.`,
      ),
    )
    list.push(
      identity === 'personal'
        ? because(
            'tenancy.personal_accounts_in_org_product',
            ['compliance.identity'],
            'Your accounts are personal today; still create an organizations table and give each signup one, so inviting a colleague later is a new membership row rather than a data migration.',
          )
        : because('tenancy.identity_has_organizations', ['compliance.identity'], IDENTITY_SHAPES[identity]),
    )
  }
  return {
    area: 'tenancy',
    title: 'Tenancy',
    choice: { id: 'org_scoped', name: 'Scoped by organization' },
    status: 'adopt',
    because: list,
    alternatives: [
      {
        id: 'user_scoped',
        name: 'Scoped by user',
        whyNot:
          'Data owned by single users cannot be shared inside a customer’s organization, and moving it under organizations later means rewriting every query and permission check.',
      },
      {
        id: 'database_per_tenant',
        name: 'A database per customer',
        whyNot:
          'One database per customer multiplies migrations, backups and connections; a shared schema with an org id on every row serves thousands of tenants. Keep it for a contract that demands physical separation.',
      },
    ],
    revisitWhen: [],
    guide: 'tenants-and-apis',
  }
}

function userScoped(): Decision {
  return {
    area: 'tenancy',
    title: 'Tenancy',
    choice: { id: 'user_scoped', name: 'Scoped by user' },
    status: 'adopt',
    because: [
      because(
        'tenancy.personal_accounts',
        ['product.sellsTo', 'compliance.identity', 'product.shape'],
        'You sell to individuals with personal accounts, so each record belongs to a user id and every query and API call is scoped by it; there is no organization to share data within.',
      ),
    ],
    alternatives: [
      {
        id: 'org_scoped',
        name: 'Scoped by organization',
        whyNot:
          'Nothing in your answers groups users into organizations; if you start selling to teams, add an org id to tenant-owned tables before any shared data exists.',
      },
    ],
    revisitWhen: [],
    guide: 'tenants-and-apis',
  }
}

/** An internal tool serves the one company that runs it: there are no customers whose data must be kept apart. */
function internalTool(): Decision {
  return {
    area: 'tenancy',
    title: 'Tenancy',
    choice: { id: 'none', name: 'One organization: no tenants to separate' },
    status: 'not_applicable',
    because: [
      because(
        'tenancy.internal_tool',
        ['product.shape', 'product.sellsTo', 'compliance.identity'],
        'An internal tool serves the one company that runs it, so there are no customers whose data must be kept apart; control who sees what with roles and permissions, and keep an owner on records people should only edit themselves.',
      ),
    ],
    alternatives: [
      {
        id: 'org_scoped',
        name: 'Scoped by organization',
        whyNot:
          'An org id on every row pays off when several customers share one deployment; one company running its own tool has nothing to separate. Add it if the tool is ever offered to other companies.',
      },
    ],
    revisitWhen: [],
    guide: 'tenants-and-apis',
  }
}

export const tenancy: AreaRules = {
  area: 'tenancy',
  decide: (a) =>
    sellsToOrganizations(a) || a.compliance.identity !== 'personal'
      ? orgScoped(a)
      : a.product.shape === 'internal_tool'
        ? internalTool()
        : userScoped(),
  triggers: [],
}
