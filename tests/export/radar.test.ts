import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { loadCatalog } from '#app/catalog.server.ts'
import { AnswersSchema } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import {
  AREA_QUADRANTS,
  buildRadar,
  csvField,
  parseCsv,
  parseRadar,
  QUADRANTS,
  RADAR_COLUMNS,
  type RadarEntry,
  RINGS,
  radarCsv,
  radarJson,
} from '#app/export/radar.ts'

const ROOT = new URL('../../', import.meta.url).pathname
const EXAMPLES = join(ROOT, 'content/examples')
const EXAMPLE_NAMES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort()

function exampleData(name: string): Record<string, Record<string, unknown>> {
  return parseYaml(readFileSync(join(EXAMPLES, `${name}.yaml`), 'utf8'))
}

function briefFor(name: string, change?: (d: Record<string, Record<string, unknown>>) => void): Brief {
  const data = structuredClone(exampleData(name))
  change?.(data)
  return generateBrief(AnswersSchema.parse(data), loadCatalog())
}

const asRows = (entries: readonly RadarEntry[]) => entries.map((e) => ({ ...e, isNew: String(e.isNew) }))

describe('radar of every example', () => {
  it.each(EXAMPLE_NAMES)('%s: the CSV parses back to the same rows under the exact header', (name) => {
    const entries = buildRadar(briefFor(name))
    const csv = radarCsv(entries)
    const [head, ...rows] = parseCsv(csv)
    expect(head).toEqual([...RADAR_COLUMNS])
    expect(head.join(',')).toBe('name,ring,quadrant,isNew,description')
    expect(rows.every((r) => r.length === 5)).toBe(true)
    expect(parseRadar(csv)).toEqual(asRows(entries))
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it.each(EXAMPLE_NAMES)('%s: the JSON holds the same rows with exactly the five columns', (name) => {
    const entries = buildRadar(briefFor(name))
    const json = JSON.parse(radarJson(entries)) as Record<string, unknown>[]
    expect(json.every((row) => Object.keys(row).join(',') === RADAR_COLUMNS.join(','))).toBe(true)
    expect(json).toEqual(asRows(entries))
    expect(parseRadar(radarJson(entries))).toEqual(asRows(entries))
  })

  it.each(EXAMPLE_NAMES)('%s: exactly four quadrants, the radar tool draws no more and no fewer', (name) => {
    const entries = buildRadar(briefFor(name))
    expect(new Set(entries.map((e) => e.quadrant))).toEqual(new Set(QUADRANTS))
  })

  it.each(EXAMPLE_NAMES)(
    '%s: adopted choices are Adopt, deferred ones Hold, rings in Adopt-Assess-Hold order',
    (name) => {
      const brief = briefFor(name)
      const entries = buildRadar(brief)
      const ring = (n: string) => entries.find((e) => e.name === n)?.ring
      for (const d of brief.decisions) {
        if (d.choice.id === 'none') continue
        if (d.status === 'adopt') expect(ring(d.choice.name), d.area).toBe('Adopt')
        else expect(ring(d.choice.name), d.area).toBe('Hold')
        if (d.status === 'adopt') {
          expect(entries.find((e) => e.name === d.choice.name)?.quadrant).toBe(AREA_QUADRANTS[d.area])
        }
      }
      expect(entries.filter((e) => e.name === 'Not needed')).toEqual([])
      const order = entries.map((e) => RINGS.indexOf(e.ring))
      expect(order).toEqual([...order].sort((a, b) => a - b))
      expect(entries.some((e) => e.ring === 'Trial')).toBe(false)
      expect(new Set(entries.map((e) => e.name.toLowerCase())).size).toBe(entries.length)
    },
  )
})

describe('what the radar watches', () => {
  it.each([
    ['ai-research-assistant', 'A dedicated vector database', 'Assess', 'Platforms'],
    ['b2b-saas', 'A dedicated search engine', 'Assess', 'Platforms'],
    ['b2b-saas', 'A message queue or job broker', 'Assess', 'Platforms'],
    ['b2b-saas', 'Splitting the monolith into separately deployed services', 'Assess', 'Techniques'],
    ['b2b-saas', 'A separate analytics warehouse', 'Assess', 'Tools'],
    ['b2b-saas', 'Read replicas, and sharding after them', 'Hold', 'Platforms'],
    ['b2b-saas', 'Running in a second region', 'Hold', 'Techniques'],
    ['b2b-saas', 'Read-through cache at the service boundary, later', 'Hold', 'Techniques'],
  ])('%s: %s is %s in %s', (name, entry, ring, quadrant) => {
    const found = buildRadar(briefFor(name)).find((e) => e.name === entry)
    expect(found).toMatchObject({ ring, quadrant })
  })

  it('watches Timescale when time series stay in plain Postgres tables', () => {
    const brief = briefFor('iot-telemetry', (d) => {
      d.data.timeseriesEventsPerSecond = 50
    })
    expect(brief.decisions.find((d) => d.area === 'timeseries_store')?.choice.id).toBe('postgres')
    const timescale = buildRadar(brief).find((e) => /timescale/i.test(e.name))
    expect(timescale).toMatchObject({ ring: 'Assess', quadrant: 'Platforms' })
  })

  it('holds an avoided choice', () => {
    const brief = briefFor('b2b-saas')
    const avoided: Brief = {
      ...brief,
      decisions: brief.decisions.map((d) => (d.area === 'email' ? { ...d, status: 'avoid' } : d)),
    }
    const email = brief.decisions.find((d) => d.area === 'email')
    expect(buildRadar(avoided).find((e) => e.name === email?.choice.name)).toMatchObject({ ring: 'Hold' })
  })
})

describe('isNew', () => {
  const brief = briefFor('b2b-saas')

  it('is true for every entry without a previous radar', () => {
    expect(buildRadar(brief).every((e) => e.isNew)).toBe(true)
  })

  it('is false for entries on the previous radar (names compared in any case), true for the rest', () => {
    const previous = buildRadar(brief)
      .slice(1)
      .map((e) => ({ name: e.name.toUpperCase() }))
    const entries = buildRadar(brief, { previous })
    expect(entries.map((e) => e.isNew)).toEqual(entries.map((_, i) => i === 0))
  })

  it('marks what a later revision added, read back from the previous CSV', () => {
    const later = briefFor('b2b-saas', (d) => {
      d.load.longestTaskSeconds = 120
    })
    const previous = parseRadar(radarCsv(buildRadar(brief)))
    const added = buildRadar(later, { previous }).filter((e) => e.isNew)
    expect(added.map((e) => e.name)).toEqual(['A job queue: Amazon SQS'])
  })
})

describe('CSV quoting (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['"', '""""'],
    ['', ''],
  ])('%j is written as %j and read back', (value, field) => {
    expect(csvField(value)).toBe(field)
    expect(parseCsv(`${field},x\r\n`)).toEqual([[value, 'x']])
  })

  it('reads LF line ends and a file without a final line break', () => {
    expect(parseCsv('a,b\nc,"d\ne"')).toEqual([
      ['a', 'b'],
      ['c', 'd\ne'],
    ])
  })

  it('refuses a quote left open', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(SyntaxError)
  })

  it.each([
    'Acme, Inc. "The Best"',
    'Line one\r\nLine two',
    '<script>alert(1)</script> & <b>bold</b>',
    '=HYPERLINK("http://x")',
  ])('a product name %j in the descriptions round-trips and cannot open HTML', (name) => {
    const brief = briefFor('b2b-saas', (d) => {
      d.product.name = name
    })
    const entries = buildRadar(brief)
    expect(parseRadar(radarCsv(entries))).toEqual(asRows(entries))
    for (const e of entries) {
      expect(e.description).not.toMatch(/<|>/)
      expect(e.description).not.toMatch(/[\r\n]/)
      // Every field starts with our own words, so a spreadsheet never reads the product's name as a formula.
      expect(e.description).toMatch(/^[A-Z][A-Za-z -]+: /)
    }
  })
})
