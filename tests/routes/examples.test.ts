import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AREAS, BriefSchema } from '#app/engine/brief.ts'
import { loader as exampleLoader } from '#app/routes/examples.$name.tsx'
import { loader as markdownLoader } from '#app/routes/examples.$name[.md].tsx'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { findExample } from '#app/services/examples.server.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

const EXAMPLES_DIR = join(process.cwd(), 'content', 'examples')
const NAMES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort()

const productName = (name: string) =>
  (parse(readFileSync(join(EXAMPLES_DIR, `${name}.yaml`), 'utf8')) as { product: { name: string } }).product.name

function args(path: string, params: Record<string, string>) {
  return { request: new Request(`http://x${path}`), params, context: asLocalOwner() }
}

/** A loader that throws a Response (Remix's way to say 404) hands it back here. */
async function thrownResponse(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected the loader to throw a Response')
}

const MARKDOWN_HEADINGS = [
  '## Decisions',
  '## Database rationale',
  '## Cost bands',
  '## Migration triggers',
  '## Day one',
  '## Deferred',
  '## Risks',
  '## Handoff',
  '## Appendix: answers',
]

describe('example routes', () => {
  it('has example answers to show', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(6)
  })

  it.each(NAMES)('/examples/%s loads a complete brief for that product', async (name) => {
    const data = await exampleLoader(args(`/examples/${name}`, { name }))
    expect(data.name).toBe(name)
    expect(data.description.length).toBeGreaterThan(0)
    expect(data.brief.title).toBe(productName(name))
    expect(data.brief.costs.bands.moderate.monthly).toHaveLength(12)
    // Every section, drawn once on the server and sent as HTML rather than as the Brief JSON.
    const example = findExample(name)
    if (!example) throw new Error(`no example ${name}`)
    expect(() => BriefSchema.parse(example.brief)).not.toThrow()
    expect(example.brief.decisions.map((d) => d.area)).toEqual([...AREAS])
    for (const id of ['executive', 'decisions', 'costs', 'operations', 'risks', 'invalidations', 'answers', 'rules']) {
      expect(data.bodyHtml).toContain(`<section id="${id}"`)
    }
  })

  it.each([
    ['an unknown name', 'no-such-product'],
    ['a name that tries to leave the folder', '../package'],
    ['a name with capitals', 'B2B-SaaS'],
  ])('answers %s with a 404 Response that lists the real examples', async (_case, name) => {
    const response = await thrownResponse(() => exampleLoader(args(`/examples/${name}`, { name })))
    expect(response.status).toBe(404)
    const body = (await response.json()) as { message: string; examples: { name: string; product: string }[] }
    expect(body.message).toContain(name)
    expect(body.examples).toEqual(NAMES.map((n) => ({ name: n, product: productName(n) })))
  })

  it.each(NAMES)('/examples/%s.md downloads the brief as Markdown', async (name) => {
    const response = await markdownLoader(args(`/examples/${name}.md`, { name }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${name}.md"`)
    const body = await response.text()
    expect(body).toContain(productName(name))
    for (const heading of MARKDOWN_HEADINGS) expect(body).toMatch(new RegExp(`^${escapeRegExp(heading)}$`, 'm'))
  })

  it('answers an unknown Markdown download with a plain 404', async () => {
    const response = await thrownResponse(() => markdownLoader(args('/examples/nope.md', { name: 'nope' })))
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
  })
})

describe('home route', () => {
  it('lists every example with the figures its card shows', async () => {
    const { examples } = await homeLoader()
    expect(examples.map((e) => e.name)).toEqual(NAMES)
    for (const card of examples) {
      expect(card.product).toBe(productName(card.name))
      expect(card.description.length).toBeGreaterThan(0)
      expect(card.engineers).toBeGreaterThanOrEqual(1)
      expect(card.monthTwelveCents.lean).toBeGreaterThan(0)
      expect(card.monthTwelveCents.lean).toBeLessThanOrEqual(card.monthTwelveCents.scaled)
    }
  })

  it('links to the guides in playbook order', async () => {
    const { guides } = await homeLoader()
    expect(guides.length).toBeGreaterThan(0)
    const orders = guides.map((g) => g.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
  })
})

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
