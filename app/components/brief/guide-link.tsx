import { Link } from '@remix-run/react'
import { useContext } from 'react'
import { InStaticHtml } from '../static-html'
import { guideTitle } from './answer-labels'

export function GuideLink({ slug }: { slug: string }) {
  const content = (
    <>
      Guide: {guideTitle(slug)} <span aria-hidden="true">→</span>
    </>
  )
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
