import { type ActionFunctionArgs, data, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { importFromForm, MAX_IMPORT_BYTES } from './settings.server.ts'

/** /settings: the workspace's data as a whole: export, import, deleted briefs and backups. */

export const meta: MetaFunction = () => [
  { title: 'Settings: your data · stackbrief' },
  { name: 'robots', content: 'noindex' },
]

export async function loader() {
  return { maxImportMb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = await importFromForm(request, context)
  if (result instanceof Response) throw result
  return data(result, { status: result.ok ? 200 : 422 })
}

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`

export default function Settings() {
  const { maxImportMb } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const importing = useNavigation().state === 'submitting'
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
          Read an export into this workspace, on SQLite or PostgreSQL. Everything is imported or, at the first problem,
          nothing is, and the problem names the file in the zip and the field. Briefs already here are refused, not
          overwritten.
        </p>
        {result?.ok ? (
          <p className="notice notice--ok" role="status">
            Imported {plural(result.counts.briefs, 'brief')}, {plural(result.counts.revisions, 'revision')} and{' '}
            {plural(result.counts.checkins, 'check-in')} from {result.fileName}.{' '}
            <Link to="/#your-briefs">See your briefs</Link>.
          </p>
        ) : null}
        {result && !result.ok ? (
          <div className="error-summary" role="alert" id="import-errors" aria-labelledby="import-problems">
            <h3 id="import-problems" className="error-summary__title">
              Nothing was imported
            </h3>
            <ul>
              {result.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  {p.path ? <code>{p.path}</code> : null} {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="stack">
          <label htmlFor="archive">Export zip (at most {maxImportMb} MB here)</label>
          <input
            id="archive"
            name="archive"
            type="file"
            accept=".zip,application/zip"
            required
            aria-describedby={result && !result.ok ? 'import-errors' : undefined}
          />
          <p>
            <button type="submit" className="button" disabled={importing}>
              {importing ? 'Importing…' : 'Import the archive'}
            </button>
          </p>
        </Form>
        <p className="note">
          A larger archive, or one for another server, is read with one command on the machine it runs on:
        </p>
        <pre>
          <code>DATABASE_URL=postgres://app@db.internal:5432/stackbrief stackbrief import stackbrief-data.zip</code>
        </pre>
      </section>

      <section aria-labelledby="keys-title">
        <h2 id="keys-title">API keys</h2>
        <p>
          Scripts and CI use the API with a key of yours. <Link to="/settings/api-keys">Make or revoke API keys</Link>.
        </p>
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <p>
          Invite people to this workspace as viewers, editors or admins, and change or remove them.{' '}
          <Link to="/settings/members">See the members</Link>.
        </p>
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
