import { Link } from '@remix-run/react'
import { guideTitle } from './answer-labels'

export function GuideLink({ slug }: { slug: string }) {
  return (
    <Link className="guide-link" to={`/guides/${slug}`} prefetch="intent">
      Guide: {guideTitle(slug)} <span aria-hidden="true">→</span>
    </Link>
  )
}
