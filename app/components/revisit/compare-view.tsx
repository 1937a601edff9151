import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { BAND_STYLE } from '#app/components/brief/cost-bands-style.ts'
import { GuideLink } from '#app/components/brief/guide-link.tsx'
import { BriefSection, TableScroll } from '#app/components/brief/section.tsx'
import { DecisionBadge, SeverityBadge, TriggerBadge } from '#app/components/brief/status-badge.tsx'
import type { RevisionRow } from '#app/components/rows.ts'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import type {
  BriefDiff,
  CostBandDelta,
  DecisionChange,
  RiskChange,
  TriggerChange,
  TriggerChangeKind,
} from '#app/engine/diff.ts'
import {
  AREA_LABELS,
  describeThreshold,
  formatMeasure,
  metricLabel,
  TRIGGER_STATUS_LABELS,
} from '#app/vocabulary/answer-labels.ts'
import { formatUsd, monthLabel } from '#app/vocabulary/format.ts'

/** The GET form that picks the two revisions; the latest two are chosen when the address names none. */
export function RevisionPicker({
  briefId,
  revisions,
  from,
  to,
}: {
  briefId: string
  revisions: readonly RevisionRow[]
  from: number
  to: number
}) {
  const head = revisions[0]?.number
  const option = (r: RevisionRow) => (
    <option key={r.number} value={r.number}>
      Revision {r.number}
      {r.number === head ? ' (latest)' : ''} · {formatDateTime(r.createdAt)}
    </option>
  )
  // The pickers list the newest revisions; one chosen further back by address is offered too.
  const listed = new Set(revisions.map((r) => r.number))
  const older = [...new Set([from, to])]
    .filter((n) => !listed.has(n))
    .sort((a, b) => b - a)
    .map((n) => (
      <option key={n} value={n}>
        Revision {n}
      </option>
    ))
  return (
    <Form method="get" action={`/briefs/${briefId}/compare`} className="revision-picker">
      <div className="revision-picker__field">
        <label htmlFor="compare-from">From</label>
        <select id="compare-from" name="from" defaultValue={from} className="input">
          {revisions.map(option)}
          {older}
        </select>
      </div>
      <div className="revision-picker__field">
        <label htmlFor="compare-to">To</label>
        <select id="compare-to" name="to" defaultValue={to} className="input">
          {revisions.map(option)}
          {older}
        </select>
      </div>
      <button type="submit" className="button button--quiet">
        Compare
      </button>
    </Form>
  )
}

export function CompareView({ diff, empty }: { diff: BriefDiff; empty: boolean }) {
  if (empty) {
    return (
      <BriefSection id="nothing" title="Nothing moved">
        <p>These two revisions have the same answers and the same brief.</p>
      </BriefSection>
    )
  }
  return (
    <>
      <Versions diff={diff} />
      <AnswerChanges diff={diff} />
      <DecisionChanges list={diff.decisions} />
      <TriggerChanges list={diff.triggers} />
      <RiskChanges list={diff.risks} />
      <CostChanges list={diff.costs} />
    </>
  )
}

/** A section of the comparison: what changed, or the sentence that says nothing did. */
function ChangeSection({
  id,
  title,
  changed,
  none,
  children,
}: {
  id: string
  title: string
  changed: boolean
  none: string
  children: ReactNode
}) {
  return (
    <BriefSection id={id} title={title}>
      {changed ? children : <p>{none}</p>}
    </BriefSection>
  )
}

function Versions({ diff }: { diff: BriefDiff }) {
  const { engine, catalog, pricesAsOf } = diff.versions
  if (!engine && !catalog && !pricesAsOf && !diff.title) return null
  return (
    <BriefSection id="versions" title="Title and versions">
      <dl className="change-list">
        {diff.title ? <Change label="Title" before={diff.title.before} after={diff.title.after} /> : null}
        {engine ? <Change label="Engine" before={engine.before} after={engine.after} /> : null}
        {catalog ? <Change label="Catalog" before={catalog.before} after={catalog.after} /> : null}
        {pricesAsOf ? <Change label="Prices as of" before={pricesAsOf.before} after={pricesAsOf.after} /> : null}
      </dl>
      {engine || catalog ? (
        <p className="note">A new engine or catalog can move decisions and costs even where no answer changed.</p>
      ) : null}
    </BriefSection>
  )
}

function Change({ label, before, after }: { label: string; before: string; after: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {before} <Arrow /> {after}
      </dd>
    </div>
  )
}

function Arrow() {
  return (
    <>
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">became</span>
    </>
  )
}

function AnswerChanges({ diff }: { diff: BriefDiff }) {
  return (
    <BriefSection id="answers-changed" title="Answers that changed">
      {!diff.answersCompared ? (
        <p>Not compared: one side has no answers.</p>
      ) : diff.answers.length === 0 ? (
        <p>No answer changed.</p>
      ) : (
        <TableScroll label="Answers that changed, before and after">
          <table className="data-table change-table">
            <thead>
              <tr>
                <th scope="col">Answer</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {diff.answers.map((a) => (
                <tr key={a.path}>
                  <th scope="row">{a.label}</th>
                  <td className="change-table__before">{a.beforeText}</td>
                  <td className="change-table__after">{a.afterText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </BriefSection>
  )
}

function DecisionChanges({ list }: { list: readonly DecisionChange[] }) {
  return (
    <ChangeSection
      id="decisions-changed"
      title="Decisions that moved"
      changed={list.length > 0}
      none="No decision changed its choice or status."
    >
      <ul className="card-list change-cards">
        {list.map((d) => (
          <li key={d.area} className="card change-card">
            <h3>
              <span className="change-card__area">{AREA_LABELS[d.area]}</span> {d.title}
            </h3>
            <p className="change-card__move">
              <DecisionSide side={d.before} /> <Arrow /> <DecisionSide side={d.after} />
            </p>
            {d.after ? <Because title="Now decided by" because={d.after.because} /> : null}
            {d.before ? <Because title="Before, decided by" because={d.before.because} muted /> : null}
          </li>
        ))}
      </ul>
    </ChangeSection>
  )
}

function DecisionSide({ side }: { side: DecisionChange['before'] }) {
  if (!side) return <span className="change-card__none">not in this revision</span>
  return (
    <span className="change-card__side">
      <strong>{side.choice.name}</strong> <DecisionBadge status={side.status} />
    </span>
  )
}

function Because({
  title,
  because,
  muted = false,
}: {
  title: string
  because: NonNullable<DecisionChange['after']>['because']
  muted?: boolean
}) {
  return (
    <div className={muted ? 'change-card__because is-muted' : 'change-card__because'}>
      <h4>{title}</h4>
      <ul className="reasons">
        {because.map((b) => (
          <li key={`${b.rule}:${b.text}`}>
            <p className="reason__text">{b.text}</p>
            <p className="reason__meta">
              <code className="rule-id" title="Rule id">
                {b.rule}
              </code>
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}

const TRIGGER_CHANGE_WORDS: Record<TriggerChangeKind, string> = {
  fired: 'Fired',
  cleared: 'Cleared',
  approaching: 'Now approaching',
  eased: 'No longer approaching',
  added: 'Newly watched',
  removed: 'No longer watched',
}

function TriggerChanges({ list }: { list: readonly TriggerChange[] }) {
  return (
    <ChangeSection
      id="triggers-changed"
      title="Triggers that fired or cleared"
      changed={list.length > 0}
      none="No trigger changed its status."
    >
      <ul className="trigger-list">
        {list.map((t) => {
          const side = t.after ?? t.before
          return (
            <li key={t.id} className={`trigger trigger--${t.after?.status ?? 'ok'}`}>
              <div className="trigger__header">
                <h3>{t.title}</h3>
                <span className={`change-tag change-tag--${t.change}`}>{TRIGGER_CHANGE_WORDS[t.change]}</span>
              </div>
              <dl className="trigger__figures">
                <div>
                  <dt>Before</dt>
                  <dd>
                    <TriggerSide side={t.before} />
                  </dd>
                </div>
                <div>
                  <dt>After</dt>
                  <dd>
                    <TriggerSide side={t.after} />
                  </dd>
                </div>
                <div>
                  <dt>Watches</dt>
                  <dd>{metricLabel(t.metric)}</dd>
                </div>
                {side ? (
                  <div>
                    <dt>Threshold</dt>
                    <dd>{describeThreshold(side.comparator, side.threshold, side.unit)}</dd>
                  </div>
                ) : null}
              </dl>
              {t.change === 'fired' || t.change === 'approaching' ? (
                <p className="trigger__action">
                  <strong>Step to take:</strong> {t.action}
                </p>
              ) : null}
              <p>
                <GuideLink slug={t.guide} />
              </p>
            </li>
          )
        })}
      </ul>
    </ChangeSection>
  )
}

function TriggerSide({ side }: { side: TriggerChange['before'] }) {
  if (!side) return <>Not watched</>
  return (
    <>
      <TriggerBadge status={side.status} />
      <span className="visually-hidden"> ({TRIGGER_STATUS_LABELS[side.status]})</span>
      {side.observed === null ? null : <span className="cell-note">at {formatMeasure(side.observed, side.unit)}</span>}
    </>
  )
}

const RISK_CHANGE_WORDS: Record<RiskChange['change'], string> = {
  added: 'New risk',
  removed: 'Gone',
  severity: 'Severity changed',
}

function RiskChanges({ list }: { list: readonly RiskChange[] }) {
  return (
    <ChangeSection
      id="risks-changed"
      title="Risks added or removed"
      changed={list.length > 0}
      none="No risk came or went."
    >
      <ul className="card-list">
        {list.map((r) => {
          const side = r.after ?? r.before
          return (
            <li key={r.id} className={`card risk risk--${side?.severity ?? 'low'} risk-change--${r.change}`}>
              <p className="change-card__area">{RISK_CHANGE_WORDS[r.change]}</p>
              <p className="risk__text">
                {r.change === 'severity' && r.before ? (
                  <>
                    <SeverityBadge severity={r.before.severity} /> <Arrow />{' '}
                  </>
                ) : null}
                {side ? <SeverityBadge severity={side.severity} /> : null}{' '}
                <span className={r.change === 'removed' ? 'is-removed' : undefined}>{side?.text}</span>
              </p>
              {r.change !== 'removed' && side ? (
                <p className="risk__mitigation">
                  <strong>Mitigation:</strong> {side.mitigation}
                </p>
              ) : null}
            </li>
          )
        })}
      </ul>
    </ChangeSection>
  )
}

/** "+$1,234" or "−$56": a change in cents, always with its sign. */
export function signedUsd(cents: number): string {
  if (cents === 0) return formatUsd(0)
  return `${cents > 0 ? '+' : '−'}${formatUsd(Math.abs(cents))}`
}

function CostChanges({ list }: { list: readonly CostBandDelta[] }) {
  return (
    <ChangeSection id="costs-changed" title="Cost bands" changed={list.length > 0} none="No band moved.">
      <p className="section-intro">Each change is the later revision minus the earlier one, in US dollars.</p>
      <TableScroll label="12-month totals per band">
        <table className="data-table numeric-table">
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col">12 months before</th>
              <th scope="col">12 months after</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.band}>
                <th scope="row">{BAND_STYLE[c.band].label}</th>
                <td>{formatUsd(c.before.total12Months)}</td>
                <td>{formatUsd(c.after.total12Months)}</td>
                <td className={deltaClass(c.total12Months)}>
                  <strong>{signedUsd(c.total12Months)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Change by month</h3>
      <TableScroll label="Change per month and band">
        <table className="data-table numeric-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              {list.map((c) => (
                <th key={c.band} scope="col">
                  {BAND_STYLE[c.band].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 12 }, (_, m) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: months are positional
              <tr key={m}>
                <th scope="row">{monthLabel(m)}</th>
                {list.map((c) => (
                  <td key={c.band} className={deltaClass(c.monthly[m] ?? 0)}>
                    {signedUsd(c.monthly[m] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">12-month total</th>
              {list.map((c) => (
                <td key={c.band} className={deltaClass(c.total12Months)}>
                  {signedUsd(c.total12Months)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </ChangeSection>
  )
}

function deltaClass(cents: number): string | undefined {
  return cents > 0 ? 'delta delta--up' : cents < 0 ? 'delta delta--down' : undefined
}
