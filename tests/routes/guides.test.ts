import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loader as guidesIndexLoader } from '#app/routes/guides._index.tsx'
import { findGuide, listGuides, readFrontmatter } from '#app/services/guides.server.ts'

const SLUGS = readdirSync(join(process.cwd(), 'content', 'guides'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))

const guide = (frontmatter: string, body = '\n## Body\n') => `---\n${frontmatter}\n---\n${body}`

describe('guides', () => {
  it('/guides lists every guide file with its title and summary, in order', async () => {
    const { guides } = await guidesIndexLoader()
    expect(guides.map((g) => g.slug).sort()).toEqual([...SLUGS].sort())
    for (const g of guides) {
      expect(g.title.length).toBeGreaterThan(0)
      expect(g.summary.length).toBeGreaterThan(0)
    }
    const orders = guides.map((g) => g.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
  })

  it('finds a guide by slug and nothing for an unknown one', () => {
    const [first] = SLUGS
    expect(findGuide(first)?.slug).toBe(first)
    expect(findGuide('no-such-guide')).toBeNull()
  })

  it('reads front matter, and none at all as empty', () => {
    expect(readFrontmatter(guide('title: "A: b"\nsummary: S\norder: 2'))).toEqual({
      title: 'A: b',
      summary: 'S',
      order: 2,
    })
    expect(readFrontmatter('## No front matter\n')).toEqual({})
  })

  it('sorts by order, then slug', () => {
    const sources = {
      'b.mdx': guide('title: B\nsummary: s\norder: 1'),
      'a.mdx': guide('title: A\nsummary: s\norder: 1'),
      'z.mdx': guide('title: Z\nsummary: s\norder: 0'),
    }
    expect(listGuides(sources).map((g) => g.slug)).toEqual(['z', 'a', 'b'])
  })

  it.each([
    ['missing front matter', '## Only a body\n', /content\/guides\/broken\.mdx: front matter needs title/],
    ['an order that is not a number', guide('title: T\nsummary: S\norder: first'), /broken\.mdx: .*order/],
    [
      'front matter that is not YAML',
      guide('title: [unclosed\nsummary: S'),
      /broken\.mdx: front matter is not valid YAML/,
    ],
  ])('names the file when a guide has %s', (_case, source, message) => {
    expect(() => listGuides({ 'broken.mdx': source })).toThrow(message)
  })
})
