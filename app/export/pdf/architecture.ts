import type { Content, CustomTableLayout } from 'pdfmake/interfaces'
import type { Answers } from '../../engine/answers'
import type { Brief, Decision } from '../../engine/brief'
import { ACCENT, clean, INK_SOFT, MUTED, RULE_STRONG, TINT } from './theme'

/**
 * The architecture overview: the same picture the Markdown export draws in
 * Mermaid (clients, the one deploy with its app, worker and database, the
 * stores beside it and the services it calls), laid out as boxes. A deferred
 * piece has a dashed outline, as in the Mermaid picture.
 */

const CLIENT_LABELS: Record<Answers['product']['clients'][number], string> = {
  web: 'Web browser',
  mobile: 'Mobile app',
  public_api: 'Public API clients',
  partner_integrations: 'Partner integrations',
}

// The same placement rules as the Markdown picture: what lives inside Postgres or inside the app has no box of its own.
const IN_DATABASE = new Set(['postgres', 'timescale', 'pgvector', 'postgres_jsonb', 'postgres_fts'])
const IN_APP = new Set(['better_auth', 'inline'])
const STORE_AREAS = ['timeseries_store', 'vector_store', 'document_store', 'search', 'file_storage', 'cache'] as const
const SERVICE_AREAS = ['auth', 'payments', 'email', 'observability', 'analytics'] as const

export function architectureFigure(brief: Brief, answers: Answers, width: number): Content {
  const by = new Map(brief.decisions.map((d) => [d.area, d]))
  const present = (d: Decision | undefined): d is Decision => !!d && d.choice.id !== 'none' && d.status !== 'avoid'
  const pick = (areas: readonly Decision['area'][]) => areas.map((a) => by.get(a)).filter(present)

  const hosting = pick(['hosting', 'deploy_regions']).map((d) => clean(d.choice.name))
  const appNotes = [
    ...pick(['architecture_style', 'tenancy']).map((d) => clean(d.choice.name)),
    ...pick(SERVICE_AREAS)
      .filter((d) => IN_APP.has(d.choice.id))
      .map((d) => `${clean(d.title)}: ${clean(d.choice.name)}`),
  ]
  const framework = by.get('framework')
  const jobs = by.get('jobs')
  const database = by.get('database')
  const stores = pick(STORE_AREAS)

  const runtime: Content[] = [
    present(framework)
      ? box({ title: 'Application', name: clean(framework.choice.name), area: framework.area, notes: appNotes })
      : box({ title: 'Application', name: clean(brief.title), notes: appNotes }),
  ]
  if (present(jobs) && !IN_APP.has(jobs.choice.id)) {
    runtime.push(
      box({ title: 'Job worker', name: clean(jobs.choice.name), area: jobs.area, deferred: jobs.status === 'defer' }),
    )
  }
  const data: Content[] = [
    box({
      title: 'Database',
      name: present(database) ? clean(database.choice.name) : 'Database',
      area: present(database) ? database.area : undefined,
      deferred: database?.status === 'defer',
      notes: stores
        .filter((d) => IN_DATABASE.has(d.choice.id))
        .map((d) => `${clean(d.title)}: ${clean(d.choice.name)}`),
    }),
    ...stores
      .filter((d) => !IN_DATABASE.has(d.choice.id))
      .map((d) =>
        box({ title: clean(d.title), name: clean(d.choice.name), area: d.area, deferred: d.status === 'defer' }),
      ),
  ]
  const services = pick(SERVICE_AREAS)
    .filter((d) => !IN_APP.has(d.choice.id))
    .map((d) =>
      box({ title: clean(d.title), name: clean(d.choice.name), area: d.area, deferred: d.status === 'defer' }),
    )
  const api = by.get('api')

  const parts: Content[] = [
    tier('Clients'),
    row(answers.product.clients.map((c) => box({ title: 'Client', name: CLIENT_LABELS[c] }))),
    arrow(width, present(api) ? clean(api.choice.name) : 'HTTPS'),
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                tier(`One deploy${hosting.length > 0 ? `: ${hosting.join(', ')}` : ''}`),
                row(runtime),
                { text: '', margin: [0, 4, 0, 0] },
                row(data),
              ],
              margin: [4, 2, 4, 6],
            },
          ],
        ],
      },
      layout: frameLayout,
    },
  ]
  if (services.length > 0) parts.push(arrow(width, 'calls'), tier('Services bought, not built'), row(services))
  return {
    stack: [
      ...parts,
      {
        text: 'Each name links to its decision in this brief.',
        style: 'small',
        margin: [0, 8, 0, 0],
      },
    ],
    unbreakable: true,
    margin: [0, 4, 0, 0],
  }
}

interface Box {
  title: string
  name: string
  area?: Decision['area']
  notes?: readonly string[]
  deferred?: boolean
}

function box({ title, name, area, notes = [], deferred = false }: Box): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: title.toUpperCase(), fontSize: 6.5, bold: true, color: MUTED, characterSpacing: 0.3 },
              {
                text: name,
                bold: true,
                fontSize: 9,
                color: area ? ACCENT : INK_SOFT,
                linkToDestination: area ? `decision-${area}` : undefined,
              },
              ...notes.map((n) => ({ text: n, fontSize: 7.5, color: INK_SOFT })),
              ...(deferred ? [{ text: 'Deferred', fontSize: 7, italics: true, color: MUTED }] : []),
            ],
          },
        ],
      ],
    },
    layout: deferred ? dashedBoxLayout : boxLayout,
  }
}

function row(boxes: readonly Content[]): Content {
  return { columns: boxes.map((b) => ({ width: '*', stack: [b] })), columnGap: 8 }
}

function tier(text: string): Content {
  return {
    text: text.toUpperCase(),
    fontSize: 7,
    bold: true,
    color: MUTED,
    characterSpacing: 0.4,
    margin: [0, 2, 0, 3],
  }
}

function arrow(width: number, label: string): Content {
  const mid = width / 2
  return {
    columns: [
      {
        width: mid + 8,
        canvas: [
          { type: 'line', x1: mid, y1: 2, x2: mid, y2: 16, lineWidth: 1, lineColor: INK_SOFT },
          {
            type: 'polyline',
            closePath: true,
            points: [
              { x: mid - 3.5, y: 14 },
              { x: mid + 3.5, y: 14 },
              { x: mid, y: 20 },
            ],
            color: INK_SOFT,
            lineColor: INK_SOFT,
          },
        ],
      },
      { width: '*', text: label, fontSize: 7.5, italics: true, color: MUTED, margin: [0, 6, 0, 0] },
    ],
    margin: [0, 2, 0, 2],
  }
}

const boxLayout: CustomTableLayout = {
  hLineWidth: () => 0.8,
  vLineWidth: () => 0.8,
  hLineColor: () => RULE_STRONG,
  vLineColor: () => RULE_STRONG,
  fillColor: () => '#ffffff',
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 5,
}

const dashedBoxLayout: CustomTableLayout = {
  ...boxLayout,
  hLineStyle: () => ({ dash: { length: 3, space: 2 } }),
  vLineStyle: () => ({ dash: { length: 3, space: 2 } }),
}

const frameLayout: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => RULE_STRONG,
  vLineColor: () => RULE_STRONG,
  fillColor: () => TINT,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
}
