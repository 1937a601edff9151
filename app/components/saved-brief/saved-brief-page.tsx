import { Form, Link, useNavigation } from '@remix-run/react'
import { BriefContents } from '#app/components/brief/brief-view.tsx'
import { CostChartIsland } from '#app/components/brief/cost-chart-island.tsx'
import { PrintButton } from '#app/components/print-button.tsx'
import { RevisitLine, RevisitPanel, type RevisitProps } from '#app/components/revisit/revisit-panel.tsx'
import { TriggerBanner } from '#app/components/revisit/trigger-banner.tsx'
import type { RevisionRow } from '#app/components/rows.ts'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { BRIEF_BODY_ID, StaticHtml } from '#app/components/static-html.tsx'
import type { Costs } from '#app/engine/brief.ts'
import { ExportOptions, type ExportOptionsForm, type ExportOptionsValues, exportQuery } from './export-options-form.tsx'
import { formatDateTime } from './format-date.ts'
import { type NoteFormState, NotesPanel, type NoteView } from './notes-panel.tsx'
import { OverrideForm, type OverrideFormState, type OverridePanel } from './override-form.tsx'
import { RevisionHistory } from './revision-history.tsx'
import { type ShareFormState, SharePanel, type SharePanelData } from './share-panel.tsx'

export interface SavedBriefPageProps {
  briefId: string
  revision: {
    number: number
    createdAt: string
    engineVersion: string
    catalogVersion: string
    brief: { title: string; costs: { pricesAsOf: string; bands: Costs['bands'] } }
    /** The sections as HTML; null while hydrating a document that already has them. */
    bodyHtml: string | null
  }
  revisions: readonly RevisionRow[]
  historyCursor: string | null
  nextHistoryCursor: string | null
  headRevision: number
  /** On the latest revision's page: the newest check-in judged, the review date and the tokens. */
  revisit?: RevisitProps
  exportOptions: ExportOptionsValues
  /** The export options form as sent back when it was refused. */
  exportOptionsForm?: ExportOptionsForm | null
  /** The override form a decision's "Override" link opened (`?override=<area>`), and the form as sent back when refused. */
  overridePanel?: OverridePanel | null
  overrideForm?: OverrideFormState | null
  /** The consultant's notes at this revision, and the note form as sent back when refused. */
  notes?: readonly NoteView[]
  noteForm?: NoteFormState | null
  /** Share links, for those who may share (null for everyone else), and the share form's answer. */
  share?: SharePanelData | null
  shareForm?: ShareFormState | null
  /** Which forms this identity may use; a viewer's page has none of them. */
  can?: { revise: boolean; delete: boolean; share: boolean }
}

/** A saved brief at one revision: every section, the downloads, "Edit answers" and the history. */
export function SavedBriefPage({
  briefId,
  revision,
  revisions,
  historyCursor,
  nextHistoryCursor,
  headRevision,
  revisit,
  exportOptions,
  exportOptionsForm,
  overridePanel,
  overrideForm,
  notes = [],
  noteForm,
  share,
  shareForm,
  can = { revise: true, delete: true, share: true },
}: SavedBriefPageProps) {
  const { brief, number, bodyHtml } = revision
  const base = `/briefs/${briefId}/revisions/${number}`
  const navigation = useNavigation()
  const editing = navigation.state !== 'idle' && navigation.formAction === `${base}/edit`
  return (
    <SiteLayout wide>
      <div className="brief-layout">
        <header className="brief-header">
          <p className="eyebrow brief-back">
            <Link to="/#your-briefs">Your briefs</Link>
          </p>
          <h1>{brief.title}</h1>
          <p className="brief-meta">
            Revision {number} of {headRevision} · generated {formatDateTime(revision.createdAt)} · engine{' '}
            {revision.engineVersion} · catalog {revision.catalogVersion} · prices as of {brief.costs.pricesAsOf}
          </p>
          {revisit ? <RevisitLine briefId={briefId} status={revisit.status} /> : null}
          {number !== headRevision ? (
            <p className="revision-notice">
              This is an earlier revision.{' '}
              <Link to={`/briefs/${briefId}`}>See the latest, revision {headRevision}</Link>.
            </p>
          ) : null}
          <div className="brief-actions saved-brief-actions">
            <a className="button" href={`${base}/brief.md${exportQuery(exportOptions, 'md')}`} download>
              Download Markdown
            </a>
            <a className="button button--quiet" href={`${base}/brief.json`} download>
              Download JSON
            </a>
            <a className="button button--quiet" href={`${base}/brief.pdf${exportQuery(exportOptions, 'pdf')}`} download>
              Download PDF
            </a>
            <a className="button button--quiet" href={`${base}/adr.zip${exportQuery(exportOptions, 'adr')}`} download>
              Decision records (zip)
            </a>
            <a className="button button--quiet" href={`${base}/radar.csv`} download>
              Tech radar (CSV)
            </a>
            <PrintButton />
            {can.revise ? (
              <Form method="post" action={`${base}/edit`} className="inline-form">
                <button type="submit" className="button button--quiet" disabled={editing}>
                  {editing ? 'Opening…' : 'Edit answers'}
                </button>
              </Form>
            ) : null}
            <a className="button button--quiet" href="#history">
              History ({headRevision.toLocaleString('en-US')})
            </a>
            {revisit ? (
              <Link className="button button--quiet" to={`/briefs/${briefId}/signals`}>
                Check-ins
              </Link>
            ) : null}
            {revisit && can.delete ? (
              <Link className="button button--quiet" to={`/briefs/${briefId}/delete`}>
                Delete…
              </Link>
            ) : null}
          </div>
          {can.revise ? <ExportOptions saved={exportOptions} refused={exportOptionsForm} /> : null}
          {revisit ? <TriggerBanner briefId={briefId} status={revisit.status} /> : null}
        </header>
        <aside className="brief-aside">
          <BriefContents />
        </aside>
        <div className="brief-main">
          {overridePanel ? <OverrideForm panel={overridePanel} refused={overrideForm} /> : null}
          <NotesPanel notes={notes} refused={noteForm} readOnly={!can.revise} />
          <StaticHtml id={BRIEF_BODY_ID} html={bodyHtml} />
          <CostChartIsland costs={brief.costs} body={bodyHtml} />
          {revisit ? <RevisitPanel briefId={briefId} revisit={revisit} can={can} /> : null}
          {share ? <SharePanel panel={share} state={shareForm} /> : null}
          <RevisionHistory
            briefId={briefId}
            revisions={revisions}
            current={number}
            head={headRevision}
            title={revisions.find((r) => r.number === headRevision)?.title ?? brief.title}
            cursor={historyCursor}
            nextCursor={nextHistoryCursor}
          />
        </div>
      </div>
    </SiteLayout>
  )
}
