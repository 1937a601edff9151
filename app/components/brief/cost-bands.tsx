import { lazy } from 'react'
import { ChartFrame } from '#app/components/chart-frame.tsx'
import { ClientOnly } from '#app/components/client-only.tsx'
import type { Answers } from '#app/engine/answers.ts'
import type { Brief, Costs } from '#app/engine/brief.ts'
import { basesSaidOnce, lineItemReference } from '#app/engine/said-once.ts'
import { AREA_LABELS, BANDS } from '#app/vocabulary/answer-labels.ts'
import { formatNumber, formatUsd, monthLabel } from '#app/vocabulary/format.ts'
import { BAND_STYLE } from './cost-bands-style.ts'
import { BriefSection, TableScroll } from './section.tsx'

const CostChart = lazy(() => import('./cost-chart.client.tsx'))

export function CostBands({ brief }: { brief: Brief; answers: Answers }) {
  const { costs } = brief
  const { bands } = costs
  const said = basesSaidOnce(costs.lineItems)
  return (
    <BriefSection
      id="costs"
      title="12-month cost bands"
      intro={
        <>
          Monthly infrastructure cost in three bands: lean (everything goes as planned), moderate and scaled (usage runs
          hot). Prices as of {costs.pricesAsOf}; payment fees are listed apart because they scale with revenue.
        </>
      }
    >
      <div id={COST_CHART_SLOT}>
        <ClientOnly>{() => <CostFigure costs={costs} />}</ClientOnly>
      </div>

      <h3>Month by month</h3>
      <TableScroll label="Monthly cost per band">
        <table className="data-table numeric-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Users</th>
              {BANDS.map((b) => (
                <th key={b} scope="col">
                  {BAND_STYLE[b].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bands.lean.monthly.map((_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: months are positional
              <tr key={i}>
                <th scope="row">{monthLabel(i)}</th>
                <td>{formatNumber(costs.usage.activeUsers[i] ?? 0)}</td>
                {BANDS.map((b) => (
                  <td key={b}>{formatUsd(bands[b].monthly[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">12-month total</th>
              <td />
              {BANDS.map((b) => (
                <td key={b}>{formatUsd(bands[b].total12Months)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      {costs.usage.curve ? <p className="note">Usage: {costs.usage.curve}</p> : null}

      <h3>Line items in month 12</h3>
      {costs.lineItems.length === 0 ? (
        <p>No priced line items.</p>
      ) : (
        <TableScroll label="Line items">
          <table className="data-table line-items">
            <thead>
              <tr>
                <th scope="col">Component</th>
                {BANDS.map((b) => (
                  <th key={b} scope="col" className="num">
                    {BAND_STYLE[b].label}
                  </th>
                ))}
              </tr>
            </thead>
            {costs.lineItems.map((item) => (
              <tbody key={item.id} className="line-item">
                <tr>
                  <th scope="row">
                    {item.name}
                    <span className="cell-note">{AREA_LABELS[item.area]}</span>
                  </th>
                  {BANDS.map((b) => (
                    <td key={b} className="num">
                      {formatUsd(item.bands[b][11] ?? 0)}
                    </td>
                  ))}
                </tr>
                <tr className="line-item__basis">
                  <td colSpan={BANDS.length + 1}>
                    <Basis item={item} items={costs.lineItems} said={said} />
                    {item.sources.length > 0 ? (
                      <span className="sources">
                        Prices:{' '}
                        {item.sources.map((s, i) => (
                          <span key={s.url}>
                            {i > 0 ? '; ' : null}
                            {/^https?:\/\//.test(s.url) ? (
                              <a href={s.url} rel="noreferrer">
                                {hostOf(s.url)}
                              </a>
                            ) : (
                              s.url
                            )}{' '}
                            ({s.asOf}
                            {s.estimate ? ', estimate' : ''})
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        </TableScroll>
      )}

      {costs.assumptions.length > 0 ? (
        <>
          <h3>Assumptions</h3>
          <ul className="plain-list">
            {costs.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}

      {costs.transactionFees.length > 0 ? (
        <>
          <h3>Transaction fees</h3>
          <p className="note">A share of revenue, not infrastructure, so they are not in the bands above.</p>
          <TableScroll label="Transaction fees">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col" className="num">
                    Per $1,000 processed
                  </th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {costs.transactionFees.map((fee) => (
                  <tr key={fee.provider}>
                    <th scope="row">{fee.name}</th>
                    <td className="num">{formatUsd(fee.per1000ProcessedCents)}</td>
                    <td>{fee.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </BriefSection>
  )
}

type LineItem = Costs['lineItems'][number]

/** A line's basis, with a price sentence an earlier line already gave replaced by the name of that line. */
function Basis({
  item,
  items,
  said,
}: {
  item: LineItem
  items: readonly LineItem[]
  said: ReturnType<typeof basesSaidOnce>
}) {
  const { pricedAs, rest } = said.get(item) ?? { pricedAs: [], rest: [item.basis] }
  const names = pricedAs.map((earlier) => {
    const ref = lineItemReference(earlier, items)
    return 'name' in ref
      ? ref.name
      : `${ref.first ? 'first ' : ''}${AREA_LABELS[ref.area as LineItem['area']].toLowerCase()}`
  })
  const reference =
    names.length === 0
      ? ''
      : `Priced as the ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`} line${names.length > 1 ? 's' : ''}. `
  return (
    <>
      {reference}
      {rest.join(' ')}
    </>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

/** Where the chart goes; a brief drawn as static HTML gets its chart put here by `CostChartIsland`. */
export const COST_CHART_SLOT = 'cost-chart-slot'

/** The chart with its caption: browser only, so a page without JavaScript shows the table alone. */
export function CostFigure({ costs }: { costs: Pick<Costs, 'bands'> }) {
  const { bands } = costs
  return (
    <figure className="chart">
      <ChartFrame className="chart__frame" testId="cost-chart" labelledBy="cost-chart-caption">
        {() => <CostChart costs={costs} />}
      </ChartFrame>
      <figcaption id="cost-chart-caption">
        Line chart of the monthly cost per band, months 1 to 12. Month 12:{' '}
        {BANDS.map((b) => `${BAND_STYLE[b].label.toLowerCase()} ${formatUsd(bands[b].monthly[11] ?? 0)}`).join(', ')}.
        The table below has every figure.
      </figcaption>
    </figure>
  )
}
