import { type ReactNode, type RefObject, useEffect, useState, useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** False in the server render and during hydration, true from the first client render after it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}

/** Renders `children` only in the browser, so browser-only modules never run in the server render. */
export function ClientOnly({ children, fallback = null }: { children: () => ReactNode; fallback?: ReactNode }) {
  return <>{useHydrated() ? children() : fallback}</>
}

/**
 * Renders `children` once `ref`'s element comes near the viewport (or the page
 * is printed), so a heavy browser-only chunk such as the chart library is
 * fetched only when someone is about to see it.
 */
export function useNearViewport<E extends Element>(ref: RefObject<E | null>, margin = '200px'): boolean {
  const [near, setNear] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (near || !element) return
    const show = () => setNear(true)
    window.addEventListener('beforeprint', show)
    if (typeof IntersectionObserver === 'undefined') {
      show()
      return () => window.removeEventListener('beforeprint', show)
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) show()
      },
      { rootMargin: margin },
    )
    observer.observe(element)
    return () => {
      observer.disconnect()
      window.removeEventListener('beforeprint', show)
    }
  }, [ref, margin, near])
  return near
}
