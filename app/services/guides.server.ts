import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { projectRoot } from '#app/lib/project-root.server.ts'

/**
 * The playbook: content/guides/<slug>.mdx, each with front matter (title,
 * summary, order). A new guide needs no code: the guide route compiles every
 * file it finds, and this lists them. A guide whose front matter is missing or
 * wrong is an error naming the file.
 */

export const GUIDES_DIR = path.join(projectRoot(), 'content', 'guides')

export const GuideFrontmatterSchema = z.object({
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  order: z.number().int(),
})

export interface GuideMeta {
  slug: string
  title: string
  summary: string
  order: number
}

/** The source of every guide by file name. Read as text: the front matter is all a listing needs. */
export function readGuideSources(dir = GUIDES_DIR): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.mdx'))
      .sort()
      .map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]),
  )
}

export function listGuides(sources: Record<string, string> = readGuideSources()): GuideMeta[] {
  return Object.entries(sources)
    .map(([file, source]) => {
      const slug = slugOf(file)
      let frontmatter: unknown
      try {
        frontmatter = readFrontmatter(source)
      } catch (error) {
        throw new Error(`content/guides/${slug}.mdx: front matter is not valid YAML: ${(error as Error).message}`)
      }
      const parsed = GuideFrontmatterSchema.safeParse(frontmatter)
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`)
        throw new Error(
          `content/guides/${slug}.mdx: front matter needs title, summary and order; ${problems.join('; ')}`,
        )
      }
      return { slug, ...parsed.data }
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
}

export function findGuide(slug: string, sources?: Record<string, string>): GuideMeta | null {
  return listGuides(sources).find((g) => g.slug === slug) ?? null
}

/** The YAML block between the opening `---` lines, or an empty object when there is none. */
export function readFrontmatter(source: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?(\n|$)/.exec(source)
  return match ? (parse(match[1]) ?? {}) : {}
}

export function slugOf(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.mdx$/, '')
}
