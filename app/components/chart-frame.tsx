import { type ReactNode, Suspense, useRef } from 'react'
import { useNearViewport } from './client-only.tsx'

/**
 * The box a browser-drawn chart sits in. Rendered only after hydration (wrap
 * it in `ClientOnly`), so a page without JavaScript never shows a placeholder
 * that waits forever; the chart itself is rendered, and its lazy chunk
 * fetched, only when the box comes near the viewport.
 */
export function ChartFrame({
  className,
  testId,
  labelledBy,
  children,
}: {
  className: string
  testId: string
  labelledBy: string
  children: () => ReactNode
}) {
  const ref = useRef<HTMLDivElement>(null)
  const near = useNearViewport(ref)
  const placeholder = (
    <div className="chart-placeholder" aria-hidden="true">
      Drawing the chart…
    </div>
  )
  return (
    <div ref={ref} className={className} data-testid={testId} role="img" aria-labelledby={labelledBy}>
      {near ? <Suspense fallback={placeholder}>{children()}</Suspense> : placeholder}
    </div>
  )
}
