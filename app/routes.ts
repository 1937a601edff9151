import { index, type RouteConfig, route } from '@remix-run/route-config'

export default [
  index('routes/home.tsx'),
  route('examples/:name.md', 'routes/examples.$name[.md].tsx'),
  route('examples/:name', 'routes/examples.$name.tsx'),
  route('guides', 'routes/guides._index.tsx'),
  route('guides/*', 'routes/guides.$.tsx'),
] satisfies RouteConfig
