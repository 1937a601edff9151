import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AnswersSchema } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { generateBrief } from '#app/engine/generate.ts'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'

/**
 * One example for each defect the plan's properties found
 * (plan-properties.test.ts), written from the shrunk counterexample and
 * named after what a client would notice.
 */

const catalog = testCatalog()
const briefFor = (patch: AnswersPatch): Brief => generateBrief(buildAnswers(patch), catalog)

/** Every sentence of the brief a client reads, as one text. */
function allProse(brief: Brief): string {
  return JSON.stringify([
    brief.summary,
    brief.decisions.map((d) => [d.because.map((b) => b.text), d.alternatives.map((x) => x.whyNot)]),
    brief.databaseRationale.options.map((o) => o.verdict),
    brief.risks.map((r) => [r.text, r.mitigation]),
    brief.costs.assumptions,
    brief.handoff,
  ])
}

const hobby: AnswersPatch = {
  product: { name: 'Side project', shape: 'b2b_saas' },
  team: { engineers: 1 },
  load: { activeUsersAtLaunch: 0, activeUsersIn12Months: 0 },
  budget: { monthlyInfraUsd: 0 },
}

describe('what a client would notice', () => {
  it('a product nobody pays for hears nothing of payment fees in the summary or the cost assumptions', () => {
    const brief = briefFor(hobby)
    expect(brief.summary).not.toMatch(/payment/i)
    expect(brief.costs.assumptions.join(' ')).not.toMatch(/payment/i)
    const paid = briefFor({ ...hobby, compliance: { payments: 'subscriptions' } })
    expect(paid.summary).toMatch(/payment fees aside/)
    expect(paid.costs.assumptions.join(' ')).toMatch(/Payment processing fees/)
  })

  it('the brief names no trigger ids or answer fields where it explains search, vectors and the database', () => {
    const text = allProse(
      briefFor({
        ...hobby,
        data: { kinds: ['relational', 'search', 'vectors', 'timeseries'] },
        load: { activeUsersAtLaunch: 0, activeUsersIn12Months: 0 },
      }),
    )
    expect(text).not.toMatch(/search_outgrows_postgres|vector_latency_under_load/)
    expect(text).not.toMatch(/\b(load|data)\.[a-z][A-Za-z0-9]+/)
  })

  it('PCI DSS with nobody paying is called out as a disagreement, not answered with a made-up checkout', () => {
    const risk = briefFor({ ...hobby, compliance: { regimes: ['pci_dss'] } }).risks.find((r) => r.id === 'pci_scope')
    expect(risk?.text).toMatch(/nobody pays inside the product/)
    expect(risk?.mitigation).not.toMatch(/hosted checkout/)
  })

  it('India’s payment-data rule adds no work while nobody pays, and regulated work is never offered as scope to cut', () => {
    const rbi = briefFor({
      ...hobby,
      compliance: { regimes: ['rbi'] },
      budget: { monthlyInfraUsd: 0, weeksToLaunch: 1 },
    })
    expect(allProse(rbi)).not.toMatch(/RBI payment data localisation/)
    const paying = briefFor({
      ...hobby,
      compliance: { regimes: ['rbi', 'hipaa'], payments: 'one_time' },
      budget: { monthlyInfraUsd: 0, weeksToLaunch: 1 },
    })
    const late = paying.risks.find((r) => r.id === 'launch_too_close')
    expect(late?.text).toMatch(/RBI payment data localisation/)
    expect(late?.mitigation).not.toMatch(/RBI|HIPAA/)
    expect(late?.mitigation).not.toMatch(/\b1 engineer-weeks\b/)
  })

  it('a product launching with no users is not told to track its "first 0 users"', () => {
    expect(allProse(briefFor(hobby))).not.toMatch(/first 0 users/)
  })

  it('the privacy risk asks for a DPA with every company in the plan, the warehouse a trigger adds included', () => {
    const brief = briefFor({
      product: { name: 'Market', shape: 'marketplace', sellsTo: 'both' },
      team: { engineers: 12, engineersIn12Months: 25 },
      load: { activeUsersAtLaunch: 40_000, activeUsersIn12Months: 400_000, dataVolumeGbIn12Months: 120 },
      compliance: { regimes: ['gdpr'], payments: 'marketplace_payouts' },
      budget: { monthlyInfraUsd: 8000, hosting: 'cloud_provider' },
    })
    const privacy = brief.risks.find((r) => r.id === 'privacy_obligations')
    const companies = [
      ...new Set(brief.plan.components.filter((c) => c.agreements.includes('dpa')).map((c) => c.vendor)),
    ]
    expect(companies).toContain('Google Cloud')
    for (const company of companies) expect(privacy?.mitigation).toContain(company)
    expect(privacy?.mitigation).toMatch(/Google Cloud for the warehouse from month \d+/)
    expect(privacy?.mitigation).not.toMatch(/Managed services of a major cloud provider/)
  })

  it('50,000 devices a second: ingestion is sized from its own rate on capped instances, and its load balancer is priced', () => {
    const brief = briefFor({
      product: { name: 'Grid', shape: 'iot', sellsTo: 'organizations' },
      team: { engineers: 6, languages: ['go'] },
      load: { activeUsersAtLaunch: 200, activeUsersIn12Months: 2000, ingestEventsPerSecond: 50_000 },
      data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 50_000 },
      budget: { monthlyInfraUsd: 15_000, hosting: 'cloud_provider' },
    })
    const ingestion = brief.plan.components.find((c) => c.id === 'ingestion')
    const app = brief.plan.components.find((c) => c.id === 'app')
    expect(ingestion?.size.lean.instances).toBeGreaterThan(app?.size.lean.instances ?? 0)
    expect(ingestion?.size.lean.each).toBeLessThanOrEqual(8)
    expect(ingestion?.size.lean.text).toMatch(/behind a load balancer/)
    const balancer = brief.costs.lineItems.find((l) => l.component === 'load_balancer')
    expect(balancer?.bands.lean[11]).toBeGreaterThan(0)
  })

  it('50 million embeddings: pgvector is a trial, and the costs do not claim an index of hundreds of GB fits in memory', () => {
    const brief = briefFor({
      product: { name: 'Scholar', shape: 'ai_product' },
      load: { activeUsersAtLaunch: 2000, activeUsersIn12Months: 60_000, similarityQueriesPerSecond: 200 },
      data: { kinds: ['relational', 'vectors'], vectorCount: 50_000_000, vectorDimensions: 1536 },
      budget: { monthlyInfraUsd: 6000 },
    })
    const vectors = brief.decisions.find((d) => d.area === 'vector_store')
    expect(vectors?.status).toBe('trial')
    expect(vectors?.because.map((b) => b.text).join(' ')).not.toMatch(/comfortable into the hundreds of thousands/)
    const database = brief.costs.lineItems.find((l) => l.component === 'database')
    expect(database?.basis).toMatch(/index, about 307 GB, is larger than/)
    expect(database?.basis).not.toMatch(/size memory so the vector index fits/)
  })

  const HARD = new URL('../fixtures/hard-cases/', import.meta.url)
  it.each(readdirSync(HARD).filter((f) => f.endsWith('.yaml')))('hard case %s is valid version 2 answers', (file) => {
    const input = parse(readFileSync(new URL(file, HARD), 'utf8'))
    expect(input.version).toBe(2)
    expect(() => generateBrief(AnswersSchema.parse(input), catalog)).not.toThrow()
  })

  it('25 engineers on a marketplace: the first extraction is a trial, and nothing still waits for more than 15 engineers', () => {
    const input = parse(readFileSync(new URL('marketplace-25-engineers.yaml', HARD), 'utf8'))
    const brief = generateBrief(AnswersSchema.parse(input), catalog)
    const style = brief.decisions.find((d) => d.area === 'architecture_style')
    expect(style?.status).toBe('trial')
    expect(
      brief.plan.components.some((c) => c.id === 'first_service' && c.addedBy === 'team_outgrows_one_service'),
    ).toBe(true)
    expect(brief.deferred.map((d) => d.until)).not.toContain('team_outgrows_one_service')
  })
})

describe('every vendor that sees user data answers to residency and BAA (issue 8)', () => {
  it('an AI product whose data must stay in the EU is told plainly that the model APIs do not confirm the EU', () => {
    const brief = briefFor({
      product: { name: 'Notes assistant', shape: 'ai_product', sellsTo: 'individuals' },
      data: { kinds: ['relational', 'vectors'], vectorCount: 100_000 },
      compliance: { dataResidency: ['eu'] },
    })
    const llm = brief.decisions.find((d) => d.area === 'llm')
    const note = llm?.because.find((b) => b.rule === 'llm.model_residency_unconfirmed')?.text
    expect(note).toMatch(/Anthropic's API and OpenAI's embeddings API/)
    expect(note).toMatch(/we assume the US/)
    for (const id of ['llm', 'embeddings'])
      expect(brief.plan.components.find((c) => c.id === id)?.regions).toEqual(['us'])
  })

  it('a HIPAA product with a language model keeps health detail out of prompts, since no BAA is confirmed for the API', () => {
    const brief = briefFor({
      product: { name: 'Intake helper', shape: 'ai_product', sellsTo: 'organizations' },
      compliance: { regimes: ['hipaa'] },
      budget: { monthlyInfraUsd: 3000 },
    })
    const llm = brief.decisions.find((d) => d.area === 'llm')
    expect(llm?.because.find((b) => b.rule === 'llm.no_health_to_models')?.text).toMatch(
      /no health detail goes into a prompt/,
    )
    expect(brief.plan.components.find((c) => c.id === 'llm')?.holds).not.toContain('health')
  })

  it('India residency at telemetry volume: the time-series decision follows the database to RDS instead of promising Timescale', () => {
    const brief = briefFor({
      product: { name: 'Cold chain', shape: 'iot', sellsTo: 'organizations' },
      data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 5000 },
      compliance: { dataResidency: ['india'] },
    })
    expect(brief.plan.components.find((c) => c.id === 'database')?.catalogId).toBe('aws_rds_postgres')
    expect(brief.decisions.find((d) => d.area === 'timeseries_store')?.choice.id).toBe('postgres')
    expect(allProse(brief)).not.toMatch(/hypertables give you/)
  })

  it('on AWS the hosting decision names what the cost lines price: containers on EC2 instances, not an unnamed container service', () => {
    const brief = briefFor({ budget: { hosting: 'cloud_provider' } })
    const hosting = brief.decisions.find((d) => d.area === 'hosting')
    expect(hosting?.because.map((b) => b.text).join(' ')).toMatch(
      /Amazon ECS, which runs the app as containers on the EC2 instances priced in the costs/,
    )
    expect(brief.plan.components.find((c) => c.id === 'app')?.product).toMatch(/EC2 instances/)
  })

  it('health data sold only in the EU is a GDPR special category, not a HIPAA case: no BAA demanded, Article 9 named', () => {
    const eu = briefFor({
      data: { sensitive: ['health'] },
      compliance: { regimes: ['gdpr'], markets: ['eu'], dataResidency: ['eu'] },
    })
    expect(eu.risks.find((r) => r.id === 'hipaa_vendors')).toBeUndefined()
    expect(allProse(eu)).not.toMatch(/Business Associate Agreement|\bBAA\b/)
    const privacy = eu.risks.find((r) => r.id === 'privacy_obligations')
    expect(privacy?.severity).toBe('high')
    expect(privacy?.text).toMatch(/special category under GDPR \(Article 9\)/)
    expect(privacy?.because[0].inputs).toContain('data.sensitive')

    const us = briefFor({ data: { sensitive: ['health'] }, compliance: { markets: ['us'] } })
    expect(us.risks.find((r) => r.id === 'hipaa_vendors')).toBeDefined()
  })

  it('sign-in kept on your own servers is not called bought: the library is named for what it does', () => {
    const brief = briefFor({ budget: { hosting: 'self_hosted' } })
    const auth = brief.decisions.find((d) => d.area === 'auth')
    expect(auth?.choice.id).toBe('better_auth')
    const text = auth?.because.map((b) => b.text).join(' ')
    expect(text).not.toMatch(/bought/)
    expect(text).toMatch(/maintained open-source library/)
  })
})
