import { type RouteConfig, index, route } from '@remix-run/route-config'

export default [
  index('routes/home.tsx'),
] satisfies RouteConfig
