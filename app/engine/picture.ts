import type { Area, Brief, PlanComponent, Region } from './brief.ts'

/**
 * The architecture picture as data, read from the plan: one group per region
 * holding the components that run there, and the services bought from other
 * companies. The page, the Markdown (Mermaid) and the PDF draw this same
 * model, so every component has one box and every box one component.
 */

export interface PictureNode {
  /** Unique within the picture: the component id, suffixed with the region when it repeats per region. */
  key: string
  component: string
  area: Area
  title: string
  name: string
  size: string
  fromMonth: number
}

export interface PictureRegion {
  region: Region
  label: string
  deploy: PictureNode[]
  data: PictureNode[]
}

export interface Picture {
  regions: PictureRegion[]
  services: PictureNode[]
}

export const REGION_LABELS: Record<Region, string> = {
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  india: 'India',
  canada: 'Canada',
  australia: 'Australia',
  brazil: 'Brazil',
  singapore: 'Singapore',
  other: 'Your region',
}

const TITLES: Partial<Record<string, string>> = {
  app: 'Application',
  load_balancer: 'Load balancer',
  worker: 'Job worker',
  queue: 'Job queue',
  ingestion: 'Event ingestion',
  realtime: 'Live updates',
  database: 'Database',
  object_storage: 'File storage',
  auth: 'Sign-in',
  payments: 'Payments',
  email: 'Email',
  observability: 'Observability',
  llm: 'Language model',
  embeddings: 'Embeddings',
  first_service: 'First extracted service',
  search_engine: 'Search engine',
  warehouse: 'Warehouse',
}

function node(c: PlanComponent, key: string): PictureNode {
  return {
    key,
    component: c.id,
    area: c.area,
    title: TITLES[c.id] ?? c.id.replace(/_/g, ' '),
    name: `${c.product}`,
    size: c.size.moderate.text,
    fromMonth: c.fromMonth,
  }
}

export function pictureOf(brief: Pick<Brief, 'plan'>): Picture {
  const { regions, components } = brief.plan
  const several = regions.length > 1
  const inRegions = (c: PlanComponent) => c.placement !== 'service' && c.regions.some((r) => regions.includes(r))
  const own = components.filter(inRegions)
  return {
    regions: regions.map((region) => {
      const here = own.filter((c) => c.regions.includes(region))
      const key = (c: PlanComponent) => (several ? `${c.id}_${region}` : c.id)
      return {
        region,
        label: REGION_LABELS[region],
        deploy: here.filter((c) => c.placement === 'deploy').map((c) => node(c, key(c))),
        data: here.filter((c) => c.placement === 'data').map((c) => node(c, key(c))),
      }
    }),
    services: components.filter((c) => !inRegions(c)).map((c) => node(c, c.id)),
  }
}
