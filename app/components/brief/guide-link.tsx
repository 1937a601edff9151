import { Link } from '@remix-run/react'
import { useContext } from 'react'
import { InStaticHtml } from '#app/components/static-html.tsx'
import { guideTitle } from '#app/vocabulary/answer-labels.ts'

export function GuideLink({ slug }: { slug: string }) {
  // The arrow is drawn by the style sheet (`.guide-link::after`).
  const content = <>Guide: {guideTitle(slug)}</>
  if (useContext(InStaticHtml)) {
    return (
      <a className="guide-link" href={`/guides/${slug}`}>
        {content}
      </a>
    )
  }
  return (
    <Link className="guide-link" to={`/guides/${slug}`} prefetch="intent">
      {content}
    </Link>
  )
}
