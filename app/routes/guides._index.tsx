import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { listGuides } from '#app/services/guides.server.ts'

export const meta: MetaFunction = () => [
  { title: 'The playbook · stackbrief' },
  {
    name: 'description',
    content:
      'Short guides behind every stackbrief rule: the default stack, databases, jobs, caching, costs and the triggers that say when to change course.',
  },
]

export async function loader() {
  return { guides: listGuides() }
}

export default function GuidesIndex() {
  const { guides } = useLoaderData<typeof loader>()
  return (
    <SiteLayout>
      <p className="eyebrow">The playbook</p>
      <h1>Guides</h1>
      <p className="lede">
        The reasoning behind each rule in a brief, one topic per guide. Every decision and trigger in a brief links to
        the guide that explains it.
      </p>
      {guides.length === 0 ? (
        <p>No guides yet.</p>
      ) : (
        <ol className="guide-index">
          {guides.map((guide) => (
            <li key={guide.slug}>
              <h2>
                <Link to={`/guides/${guide.slug}`} prefetch="intent">
                  {guide.title}
                </Link>
              </h2>
              <p>{guide.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </SiteLayout>
  )
}
