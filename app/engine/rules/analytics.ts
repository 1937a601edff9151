import type { Answers } from '#app/engine/answers.ts'
import type { Because } from '#app/engine/brief.ts'
import { formatNumber } from './_shared-stack.ts'
import { type AreaRules, because, type TriggerDef } from './types.ts'

/** Below this size a well-indexed Postgres with read tables answers reporting queries without a separate store. */
export const WAREHOUSE_FROM_GB = 100

export const WAREHOUSE_JUSTIFIED: TriggerDef = {
  id: 'warehouse_justified',
  area: 'analytics',
  title: 'Reporting data large enough for a warehouse',
  metric: 'db_size_gb',
  comparator: '>=',
  threshold: WAREHOUSE_FROM_GB,
  action:
    'When reporting queries start competing with transactional traffic, add a warehouse fed by scheduled loads from Postgres, move the heavy reports there, and keep Postgres as the source of truth.',
  guide: 'migration-triggers',
}

function reasons(a: Answers): Because[] {
  const summary = a.product.summary
  const launch = a.load.activeUsersAtLaunch
  const users = launch > 0 ? `first ${formatNumber(launch)} users` : 'first users'
  const gb = a.load.dataVolumeGbIn12Months
  const list: Because[] = [
    because(
      'analytics.product_analytics_day_one',
      ['product.summary', 'load.activeUsersAtLaunch'],
      summary
        ? `Track product events from your ${users}, chosen to show whether the first release proves its point: “${summary}”`
        : `Track product events from your ${users}: signups, activation and the few actions that show whether the product is used as intended.`,
    ),
  ]
  if (gb >= WAREHOUSE_FROM_GB) {
    list.push(
      because(
        'analytics.warehouse_within_a_year',
        ['load.dataVolumeGbIn12Months'],
        `You expect about ${formatNumber(gb)} GB within 12 months, past the ${WAREHOUSE_FROM_GB} GB point where a warehouse starts to earn its keep: start with read tables in Postgres, and add the warehouse once reports slow the product down.`,
      ),
    )
  } else {
    list.push(
      because(
        'analytics.database_is_source_of_truth',
        ['load.dataVolumeGbIn12Months'],
        `At about ${formatNumber(gb)} GB after 12 months, Postgres stays the source of truth for reporting too: build modelled read tables refreshed by scheduled transforms, and leave a warehouse for later.`,
      ),
    )
  }
  return list
}

export const analytics: AreaRules = {
  area: 'analytics',
  decide: (a) => {
    const gb = a.load.dataVolumeGbIn12Months
    return {
      area: 'analytics',
      title: 'Analytics',
      choice: { id: 'product_analytics', name: 'Product analytics, reporting from Postgres read tables' },
      status: 'adopt',
      because: reasons(a),
      alternatives: [
        {
          id: 'data_warehouse',
          name: 'A data warehouse from the start',
          whyNot:
            gb >= WAREHOUSE_FROM_GB
              ? `Your ${formatNumber(gb)} GB arrives over a year, not at launch; a warehouse from day one adds a pipeline and a second copy of the data months before reports need it.`
              : `At ${formatNumber(gb)} GB the database is far below the ${WAREHOUSE_FROM_GB} GB point; a warehouse would add a pipeline, a second copy of the data and a bill before any report needs it.`,
        },
        {
          id: 'no_analytics',
          name: 'Analytics later',
          whyNot:
            'Without events from the first user you cannot tell whether the first release works, and the weeks before you add them are lost for good.',
        },
      ],
      revisitWhen: [WAREHOUSE_JUSTIFIED.id],
      guide: 'default-stack',
    }
  },
  triggers: [WAREHOUSE_JUSTIFIED],
}
