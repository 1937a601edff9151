import { NavLink } from '@remix-run/react'

export interface GuideLinkItem {
  slug: string
  title: string
}

export function GuideNav({ guides }: { guides: readonly GuideLinkItem[] }) {
  return (
    <nav aria-label="Guides" className="guide-nav">
      <h2 className="guide-nav__title">The playbook</h2>
      <ol>
        {guides.map((guide) => (
          <li key={guide.slug}>
            <NavLink to={`/guides/${guide.slug}`} prefetch="intent">
              {guide.title}
            </NavLink>
          </li>
        ))}
      </ol>
    </nav>
  )
}
