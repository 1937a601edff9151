import { loadCatalog } from '#app/catalog.server.ts'
import type { Catalog } from '#app/engine/catalog.ts'

/** The real catalog from content/catalog, so engine-wide tests price with what the app ships. */
export function testCatalog(): Catalog {
  return loadCatalog()
}
