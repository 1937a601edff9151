import { Link } from '@remix-run/react'
import type { MDXComponents } from 'mdx/types'
import type { ComponentProps } from 'react'
import { TableScroll } from '#app/components/brief/section.tsx'

/** Links inside the app stay client-side; tables scroll sideways on a phone instead of breaking the page. */
export const MDX_COMPONENTS: MDXComponents = {
  a: ({ href = '', ...props }: ComponentProps<'a'>) =>
    href.startsWith('/') ? (
      <Link to={href} prefetch="intent" {...props} />
    ) : (
      <a href={href} rel={href.startsWith('http') ? 'noreferrer' : undefined} {...props} />
    ),
  table: (props: ComponentProps<'table'>) => (
    <TableScroll label="Table">
      <table {...props} />
    </TableScroll>
  ),
}
