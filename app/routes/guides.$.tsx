import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react'
import type { MDXContent } from 'mdx/types'
import { type GuideLinkItem, GuideNav } from '#app/components/guides/guide-nav.tsx'
import { MDX_COMPONENTS } from '#app/components/guides/mdx-components.tsx'
import { NotFoundChoices } from '#app/components/not-found-choices.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { listGuides } from '#app/services/guides.server.ts'

interface GuideNotFound {
  message: string
  guides: GuideLinkItem[]
}

function isGuideNotFound(data: unknown): data is GuideNotFound {
  return typeof data === 'object' && data !== null && 'message' in data && 'guides' in data
}

const GUIDES = import.meta.glob<{ default: MDXContent }>('../../content/guides/*.mdx', { eager: true })

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params['*'] ?? ''
  const guides = listGuides()
  const guide = guides.find((g) => g.slug === slug && `../../content/guides/${g.slug}.mdx` in GUIDES)
  if (!guide) {
    const notFound: GuideNotFound = {
      message: `There is no guide called “${slug}”. These are the guides in the playbook:`,
      guides: guides.map(({ slug, title }) => ({ slug, title })),
    }
    throw Response.json(notFound, { status: 404, statusText: 'Not Found' })
  }
  return { guide, guides: guides.map(({ slug, title }) => ({ slug, title })) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Guide not found · stackbrief' }]
  return [{ title: `${data.guide.title} · stackbrief guides` }, { name: 'description', content: data.guide.summary }]
}

export default function Guide() {
  const { guide, guides } = useLoaderData<typeof loader>()
  const Content = GUIDES[`../../content/guides/${guide.slug}.mdx`]?.default
  const index = guides.findIndex((g) => g.slug === guide.slug)
  const next = guides[index + 1]
  return (
    <SiteLayout wide>
      <div className="guide-layout">
        <aside className="guide-aside">
          <GuideNav guides={guides} />
        </aside>
        <article className="prose guide" aria-labelledby="guide-title">
          <p className="eyebrow">
            <Link to="/guides">Guides</Link>
          </p>
          <h1 id="guide-title">{guide.title}</h1>
          <p className="lede">{guide.summary}</p>
          {Content ? <Content components={MDX_COMPONENTS} /> : null}
          {next ? (
            <p className="guide-next">
              Next: <Link to={`/guides/${next.slug}`}>{next.title}</Link>
            </p>
          ) : null}
        </article>
      </div>
    </SiteLayout>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = isRouteErrorResponse(error) && error.status === 404 ? error.data : null
  return (
    <NotFoundChoices
      found={
        isGuideNotFound(data)
          ? {
              message: data.message,
              choices: data.guides.map((g) => ({
                to: `/guides/${g.slug}`,
                label: <Link to={`/guides/${g.slug}`}>{g.title}</Link>,
              })),
            }
          : null
      }
      titles={{ notFound: 'Guide not found', failed: 'This guide could not be shown' }}
      failed="Something went wrong. Try again in a moment."
      back={{ to: '/guides', label: 'All guides' }}
    />
  )
}
