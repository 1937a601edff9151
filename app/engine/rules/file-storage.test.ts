import { describe, expect, it } from 'vitest'
import { DecisionSchema } from '#app/engine/brief.ts'
import { type AnswersPatch, buildAnswers, ORGANIZATIONS_INPUT } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { fileStorage } from './file-storage.ts'

const CATALOG = testCatalog()
const decide = (over: AnswersPatch = {}) =>
  DecisionSchema.parse(fileStorage.decide(buildAnswers(over, ORGANIZATIONS_INPUT), CATALOG))
const FILES: AnswersPatch['data'] = { kinds: ['relational', 'files'] }

describe('file storage: object storage for files, never the database', () => {
  it.each<{ fact: string; over: AnswersPatch; choice: string; name: string; vendor?: string; fired: string[] }>([
    {
      fact: 'no bucket when the product keeps no files (seed 000, defer what you do not need)',
      over: { data: { kinds: ['relational'] } },
      choice: 'none',
      name: 'No file storage',
      fired: ['file_storage.no_files'],
    },
    {
      fact: 'files go to R2 by default: no download fees (seed 000, managed services wherever possible)',
      over: { data: FILES },
      choice: 'object_storage',
      name: 'Object storage on Cloudflare R2',
      vendor: 'cloudflare_r2',
      fired: ['file_storage.files_in_object_storage', 'file_storage.bucket_provider'],
    },
    {
      fact: 'files go to S3 on a cloud provider account (seed 000, managed services wherever possible)',
      over: { data: FILES, budget: { hosting: 'cloud_provider' } },
      choice: 'object_storage',
      name: 'Object storage on Amazon S3',
      vendor: 'amazon_s3',
      fired: ['file_storage.files_in_object_storage', 'file_storage.bucket_provider'],
    },
    {
      fact: 'files go to S3 under HIPAA, covered by the AWS BAA (seed 000, a compliance requirement)',
      over: { data: FILES, compliance: { regimes: ['hipaa'] } },
      choice: 'object_storage',
      name: 'Object storage on Amazon S3',
      vendor: 'amazon_s3',
      fired: ['file_storage.files_in_object_storage', 'file_storage.bucket_provider'],
    },
    {
      fact: 'files go to S3 when data must stay in a region outside the US and EU (seed 000, data residency requirements)',
      over: { data: FILES, compliance: { dataResidency: ['india'] } },
      choice: 'object_storage',
      name: 'Object storage on Amazon S3',
      vendor: 'amazon_s3',
      fired: ['file_storage.files_in_object_storage', 'file_storage.bucket_provider'],
    },
  ])('$fact', ({ over, choice, name, vendor, fired }) => {
    const d = decide(over)
    expect(d.area).toBe('file_storage')
    expect(d.choice).toStrictEqual(vendor ? { id: choice, name, vendor } : { id: choice, name })
    expect(d.status).toBe(d.choice.id === 'none' ? 'not_applicable' : 'adopt')
    expect(d.because.map((b) => b.rule)).toEqual(fired)
    expect(d.revisitWhen).toEqual([])
  })
})

describe('file storage: reasons and alternatives', () => {
  it.each<{ fact: string; over: AnswersPatch; rule: string; inputs: string[]; mentions: string }>([
    {
      fact: 'no files reads the data kinds and still rules out database columns (seed 000, Postgres for relational data)',
      over: { data: { kinds: ['relational'] } },
      rule: 'file_storage.no_files',
      inputs: ['data.kinds'],
      mentions: 'never into database columns',
    },
    {
      fact: 'files in a bucket, with only the key in Postgres (seed 000, data model)',
      over: { data: FILES },
      rule: 'file_storage.files_in_object_storage',
      inputs: ['data.kinds'],
      mentions: 'Postgres keeps only',
    },
    {
      fact: 'the provider reason names the residency region (seed 000, data residency)',
      over: { data: FILES, compliance: { dataResidency: ['australia'] } },
      rule: 'file_storage.bucket_provider',
      inputs: ['budget.hosting', 'compliance.dataResidency', 'compliance.regimes'],
      mentions: 'Australia',
    },
    {
      fact: 'a self-hosted team hears that its own S3-compatible store is the same code (seed 000, managed services)',
      over: { data: FILES, budget: { hosting: 'self_hosted' } },
      rule: 'file_storage.bucket_provider',
      inputs: ['budget.hosting', 'compliance.dataResidency', 'compliance.regimes'],
      mentions: 'S3-compatible store of your own',
    },
  ])('$fact', ({ over, rule, inputs, mentions }) => {
    const reason = decide(over).because.find((b) => b.rule === rule)
    expect(reason?.inputs).toEqual(inputs)
    expect(reason?.text).toContain(mentions)
  })

  it.each<{ fact: string; over: AnswersPatch; ids: string[] }>([
    { fact: 'R2 chosen', over: { data: FILES }, ids: ['s3', 'database_blobs'] },
    { fact: 'S3 chosen', over: { data: FILES, budget: { hosting: 'cloud_provider' } }, ids: ['r2', 'database_blobs'] },
    { fact: 'no files', over: {}, ids: ['object_storage'] },
  ])(
    'alternatives include the other bucket and files in the database (seed 000, Postgres for everything but files): $fact',
    ({ over, ids }) => {
      const d = decide(over)
      expect(d.alternatives.map((x) => x.id)).toEqual(ids)
      for (const x of d.alternatives) expect(x.whyNot.length).toBeGreaterThan(10)
    },
  )
})

it('owns no triggers', () => {
  expect(fileStorage.triggers).toEqual([])
})
