import { z } from 'zod'

// PLACEHOLDER: the full catalog schema (components, plans, dated prices) replaces this.
export const CatalogSchema = z.strictObject({
  version: z.string(),
  pricesAsOf: z.string(),
})
export type Catalog = z.infer<typeof CatalogSchema>
