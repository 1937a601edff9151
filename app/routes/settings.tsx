import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { SiteLayout } from '~/components/site-layout'

/** /settings: the workspace's data as a whole: export, import, deleted briefs and backups. */

export const meta: MetaFunction = () => [
  { title: 'Settings: your data · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export default function Settings() {
  return (
    <SiteLayout>
      <p className="eyebrow brief-back">
        <Link to="/#your-briefs">Your briefs</Link>
      </p>
      <h1>Your data</h1>

      <section aria-labelledby="export-title">
        <h2 id="export-title">Export everything</h2>
        <p>
          One zip of JSON files with every brief in this workspace, all of its revisions exactly as they were saved, and
          its check-ins. Tokens are left out: they are credentials for this instance only, so make new ones after
          moving. Drafts and deleted briefs are left out too.
        </p>
        <p>
          <a className="button" href="/api/v1/export" download>
            Download the export (zip)
          </a>
        </p>
        <p className="note">
          The same file from the command line: <code>stackbrief export --out stackbrief-data.zip</code>, or from the
          API: <code>GET /api/v1/export</code>.
        </p>
      </section>

      <section aria-labelledby="import-title">
        <h2 id="import-title">Import into another instance</h2>
        <p>
          An export is read into any stackbrief, on SQLite or PostgreSQL, with one command on the machine it runs on.
          Everything is imported or, at the first problem, nothing is, and the problem names the file in the zip and the
          field:
        </p>
        <pre>
          <code>DATABASE_URL=postgres://app@db.internal:5432/stackbrief stackbrief import stackbrief-data.zip</code>
        </pre>
      </section>

      <section aria-labelledby="deleted-title">
        <h2 id="deleted-title">Recently deleted</h2>
        <p>
          A deleted brief can be restored for 30 days, then it is removed for good with its revisions, check-ins and
          tokens. <Link to="/deleted">See recently deleted briefs</Link>.
        </p>
      </section>

      <section aria-labelledby="backups-title">
        <h2 id="backups-title">Backups</h2>
        <p>
          On SQLite, <code>stackbrief backup --out FILE</code> makes a consistent copy while the server runs. On
          PostgreSQL the same command prints the <code>pg_dump</code> command to use. The README's “Backups and restore”
          says how to restore and how often to check that a restore works.
        </p>
      </section>
    </SiteLayout>
  )
}
