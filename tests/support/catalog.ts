import { loadCatalog } from '~/catalog.server'
import type { Catalog } from '~/engine/catalog'

/** The real catalog from content/catalog, so engine-wide tests price with what the app ships. */
export function testCatalog(): Catalog {
  return loadCatalog()
}
