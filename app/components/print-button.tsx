import { useHydrated } from './client-only.tsx'

/** Shown once the page is interactive; printing is the browser's own "save as PDF". */
export function PrintButton() {
  const hydrated = useHydrated()
  if (!hydrated) return null
  return (
    <button type="button" className="button button--quiet" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  )
}
