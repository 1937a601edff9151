import type { Decision } from '#app/engine/brief.ts'
import { type AreaRules, because } from './types.ts'

const TITLE = 'Live updates'

/** Live updates: a WebSocket service of its own when they matter, nothing when the product has none. */
export const realtime: AreaRules = {
  area: 'realtime',
  decide(a): Decision {
    const level = a.product.realtime
    if (level === 'none') {
      return {
        area: 'realtime',
        title: TITLE,
        choice: { id: 'none', name: 'Not needed' },
        status: 'not_applicable',
        because: [
          because(
            'realtime.none_asked',
            ['product.realtime'],
            'Nothing in the product has to reach people the moment it changes, so pages load fresh data and no connection is held open.',
          ),
        ],
        alternatives: [],
        revisitWhen: [],
        guide: 'default-stack',
      }
    }
    return {
      area: 'realtime',
      title: TITLE,
      choice: { id: 'websocket_service', name: 'A WebSocket service beside the app, fed by Postgres notifications' },
      status: 'adopt',
      because: [
        because(
          'realtime.own_connection_service',
          ['product.realtime', 'load.activeUsersIn12Months'],
          level === 'core'
            ? 'Live updates are the heart of the product, so open connections get their own small service that scales by connections rather than by requests; the app publishes changes through Postgres notifications and the service relays them.'
            : 'Some screens update live, so a small WebSocket service relays changes the app publishes through Postgres notifications; it keeps long-held connections off the instances that serve requests.',
        ),
      ],
      alternatives: [
        {
          id: 'polling',
          name: 'Polling from the browser',
          whyNot:
            level === 'core'
              ? 'Polling cannot keep a live product current without hammering the database.'
              : 'Polling every few seconds costs more requests than a held connection once many people watch the same screens.',
        },
      ],
      revisitWhen: [],
      guide: 'default-stack',
    }
  },
  triggers: [],
}
