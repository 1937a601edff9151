import type { Content, CustomTableLayout } from 'pdfmake/interfaces'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief, Decision } from '#app/engine/brief.ts'
import { type PictureNode, pictureOf } from '#app/engine/picture.ts'
import { ACCENT, clean, INK_SOFT, MUTED, RULE_STRONG, TINT } from './theme.ts'

/**
 * The architecture overview: the same picture the Markdown export draws in
 * Mermaid, read from the plan (clients, a deploy per region with what runs
 * and what is stored there, the services bought), laid out as boxes. A
 * component that joins the plan in a later month has a dashed outline.
 */

const CLIENT_LABELS: Record<Answers['product']['clients'][number], string> = {
  web: 'Web browser',
  mobile: 'Mobile app',
  public_api: 'Public API clients',
  partner_integrations: 'Partner integrations',
}

/** Boxes in rows of at most this many, so long plans stay legible on A4. */
const PER_ROW = 4

export function architectureFigure(brief: Brief, answers: Answers, width: number): Content {
  const picture = pictureOf(brief)
  const toBox = (n: PictureNode) =>
    box({
      title: n.title,
      name: clean(n.name),
      area: n.area,
      notes: [clean(n.size), ...(n.fromMonth > 1 ? [`From month ${n.fromMonth}`] : [])],
      deferred: n.fromMonth > 1,
    })
  const api = brief.decisions.find((d) => d.area === 'api')
  const parts: Content[] = [
    tier('Clients'),
    row(answers.product.clients.map((c) => box({ title: 'Client', name: CLIENT_LABELS[c] }))),
    arrow(width, api && api.choice.id !== 'none' ? clean(api.choice.name) : 'HTTPS'),
  ]
  for (const region of picture.regions) {
    parts.push({
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                tier(picture.regions.length > 1 ? `Deploy in ${region.label}` : `One deploy, ${region.label}`),
                ...rows(region.deploy.map(toBox)),
                { text: '', margin: [0, 4, 0, 0] },
                ...rows(region.data.map(toBox)),
              ],
              margin: [4, 2, 4, 6],
            },
          ],
        ],
      },
      layout: frameLayout,
      margin: [0, 0, 0, 4],
    })
  }
  if (picture.services.length > 0) {
    parts.push(arrow(width, 'calls'), tier('Services bought, not built'), ...rows(picture.services.map(toBox)))
  }
  return {
    stack: [
      ...parts,
      {
        text: 'Each box is a component of the plan; each name links to its decision. Dashed boxes join the plan in a later month.',
        style: 'small',
        margin: [0, 8, 0, 0],
      },
    ],
    unbreakable: picture.regions.length < 2,
    margin: [0, 4, 0, 0],
  }
}

function rows(boxes: readonly Content[]): Content[] {
  const out: Content[] = []
  for (let i = 0; i < boxes.length; i += PER_ROW) {
    const slice = boxes.slice(i, i + PER_ROW)
    out.push({ ...(row(slice) as object), margin: [0, i === 0 ? 0 : 4, 0, 0] } as Content)
  }
  return out
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
