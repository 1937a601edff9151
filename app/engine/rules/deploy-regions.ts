import type { Answers } from '#app/engine/answers.ts'
import type { Decision } from '#app/engine/brief.ts'
import { listPhrase, MARKET_NAMES, REGION_NAMES } from './_shared-stack.ts'
import { type AreaRules, because, type TriggerDef } from './types.ts'

/** Data that must stay in this many separate jurisdictions needs a deploy in each. */
export const RESIDENCY_REGIONS_FOR_MULTI_REGION = 2

export const RESIDENCY_NEEDS_SECOND_REGION: TriggerDef = {
  id: 'residency_needs_second_region',
  area: 'deploy_regions',
  title: 'Data must stay in a second region',
  metric: 'regions_required',
  comparator: '>=',
  threshold: RESIDENCY_REGIONS_FOR_MULTI_REGION,
  action:
    'Stand up a second regional deploy with its own database and backups, record each customer’s home region, route their requests there, and keep their records from leaving it.',
  guide: 'migration-triggers',
}

const TITLE = 'Deploy regions'

function multiRegion(a: Answers): Decision {
  const regions = a.compliance.dataResidency.map((r) => REGION_NAMES[r])
  const where = listPhrase(regions)
  return {
    area: 'deploy_regions',
    title: TITLE,
    choice: { id: 'multi_region', name: `One deploy per region (${where})` },
    status: 'adopt',
    because: [
      because(
        'deploy_regions.residency_requires_regions',
        ['compliance.dataResidency'],
        `Your data must stay in ${where}, so run a separate deploy with its own database and backups in each of those ${regions.length} regions, store each customer’s home region, and serve their records only from there.`,
      ),
    ],
    alternatives: [
      {
        id: 'single_region',
        name: 'One region',
        whyNot: `A single region cannot hold data that must stay in ${where} at the same time; one of those jurisdictions would always be served from abroad.`,
      },
    ],
    revisitWhen: [],
    guide: 'default-stack',
  }
}

function singleRegionInResidency(a: Answers): Decision {
  const region = a.compliance.dataResidency[0]
  const where = REGION_NAMES[region]
  return {
    area: 'deploy_regions',
    title: TITLE,
    choice: { id: 'single_region', name: region === 'other' ? 'One region' : `One region, in ${where}` },
    status: 'adopt',
    because: [
      because(
        'deploy_regions.single_region_in_residency',
        ['compliance.dataResidency'],
        `Your data must stay in ${where}, so put the app, the database, backups and logs in one region there; one region keeps every log, backup and failover plan in a single place.`,
      ),
    ],
    alternatives: [
      {
        id: 'multi_region',
        name: 'Several regions',
        whyNot: `Only ${where} is named for residency; a second region would mean a second database to migrate, back up and keep consistent without any rule asking for it.`,
      },
    ],
    revisitWhen: [RESIDENCY_NEEDS_SECOND_REGION.id],
    guide: 'default-stack',
  }
}

function singleRegionDefault(a: Answers): Decision {
  const markets = a.compliance.markets
  // Markets are where paying users are; with no payments they are simply where the users are.
  const who = a.compliance.payments === 'none' ? 'your users' : 'your paying users'
  const near = markets.includes('global')
    ? `${who} are spread around the world`
    : `${who} are in ${listPhrase(markets.map((m) => MARKET_NAMES[m]))}`
  return {
    area: 'deploy_regions',
    title: TITLE,
    choice: { id: 'single_region', name: 'One region' },
    status: 'adopt',
    because: [
      because(
        'deploy_regions.single_region_default',
        ['compliance.dataResidency', 'compliance.markets', 'compliance.payments'],
        `No rule ties your data to a place and ${near}, so run everything in the one region closest to most of them and serve static files through a CDN, which keeps logs, backups and failover in one place.`,
      ),
    ],
    alternatives: [
      {
        id: 'multi_region',
        name: 'Several regions',
        whyNot:
          'Nothing in your answers requires data to stay anywhere, and distant users are better served first by a CDN and lean pages; several regions double the databases, deploys and ways to fail.',
      },
    ],
    revisitWhen: [RESIDENCY_NEEDS_SECOND_REGION.id],
    guide: 'default-stack',
  }
}

export const deployRegions: AreaRules = {
  area: 'deploy_regions',
  decide: (a) => {
    const required = a.compliance.dataResidency.length
    if (required >= RESIDENCY_REGIONS_FOR_MULTI_REGION) return multiRegion(a)
    if (required === 1) return singleRegionInResidency(a)
    return singleRegionDefault(a)
  },
  triggers: [RESIDENCY_NEEDS_SECOND_REGION],
}
