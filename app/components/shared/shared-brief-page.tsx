import { BriefContents } from '#app/components/brief/brief-view.tsx'
import { CostChartIsland } from '#app/components/brief/cost-chart-island.tsx'
import { formatDateTime } from '#app/components/saved-brief/format-date.ts'
import { BRIEF_BODY_ID, StaticHtml } from '#app/components/static-html.tsx'
import type { Costs } from '#app/engine/brief.ts'
import { briefSectionTitle } from '#app/vocabulary/brief-sections.ts'

export interface SharedBriefPageProps {
  revision: {
    number: number
    createdAt: string
    engineVersion: string
    catalogVersion: string
    brief: { title: string; costs: { pricesAsOf: string; bands: Costs['bands'] } }
    bodyHtml: string | null
  }
  followsLatest: boolean
  /** The share link's own path, `/s/<token>`: the downloads sit under it. */
  base: string
  notes: readonly { id: string; section: string; body: string }[]
}

/**
 * A brief as a share link shows it: read-only, its sections and downloads,
 * and no way into the workspace it belongs to (no site navigation, no
 * history, no forms). The downloads sit under the share link's own path.
 */
export function SharedBriefPage({ revision, followsLatest, base, notes }: SharedBriefPageProps) {
  const { brief, number, bodyHtml } = revision
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="brand">stackbrief</span>
          <p className="site-nav">Shared read-only</p>
        </div>
      </header>
      <main id="main" className="page page--wide">
        <div className="brief-layout">
          <header className="brief-header">
            <p className="eyebrow">Architecture brief</p>
            <h1>{brief.title}</h1>
            <p className="brief-meta">
              Revision {number} · generated {formatDateTime(revision.createdAt)} · engine {revision.engineVersion} ·
              catalog {revision.catalogVersion} · prices as of {brief.costs.pricesAsOf}
            </p>
            <p className="lede">
              {followsLatest
                ? 'This link shows the latest revision of the brief; it changes when the brief is revised.'
                : `This link shows revision ${number} of the brief, as it was written.`}
            </p>
            <div className="brief-actions saved-brief-actions">
              <a className="button" href={`${base}/brief.md`} download>
                Download Markdown
              </a>
              <a className="button button--quiet" href={`${base}/brief.pdf`} download>
                Download PDF
              </a>
              <a className="button button--quiet" href={`${base}/adr.zip`} download>
                Decision records (zip)
              </a>
              <a className="button button--quiet" href={`${base}/radar.csv`} download>
                Tech radar (CSV)
              </a>
            </div>
          </header>
          <aside className="brief-aside">
            <BriefContents />
          </aside>
          <div className="brief-main">
            {notes.length > 0 ? (
              <section className="notes-panel" id="notes" aria-labelledby="notes-title">
                <h2 id="notes-title">Notes</h2>
                <ul className="notes">
                  {notes.map((n) => (
                    <li key={n.id} className="note">
                      <p className="note__section">
                        <a href={`#${n.section}`}>{briefSectionTitle(n.section)}</a>
                      </p>
                      <p className="note__body" style={{ whiteSpace: 'pre-wrap' }}>
                        {n.body}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <StaticHtml id={BRIEF_BODY_ID} html={bodyHtml} />
            <CostChartIsland costs={brief.costs} body={bodyHtml} />
          </div>
        </div>
      </main>
    </>
  )
}
