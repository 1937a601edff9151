import { type ReactNode, useSyncExternalStore } from 'react'

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
