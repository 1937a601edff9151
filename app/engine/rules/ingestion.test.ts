import { describe, expect, it } from 'vitest'
import { type AnswersPatch, buildAnswers } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { ingestion } from './ingestion.ts'

/**
 * Seed 000 (database choices): telemetry, sensor readings and ticks at high
 * frequency are "time-series data at volume"; they come from machines, not
 * from people using the product, so they need a way in of their own.
 */

const catalog = testCatalog()
const decide = (patch: AnswersPatch) => ingestion.decide(buildAnswers(patch), catalog)

describe('event ingestion reads the load answers', () => {
  it('adopts an ingestion path for 500 time-series events a second that user requests do not account for', () => {
    const d = decide({
      product: { shape: 'data_product', sellsTo: 'organizations' },
      data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 500 },
      load: { peakRequestsPerSecond: 30 },
    })
    expect(d.status).toBe('adopt')
    expect(d.choice.id).toBe('ingestion_endpoint')
    expect(d.because[0].text).toMatch(/500 events a second/)
    expect(d.because[0].inputs).toEqual(
      expect.arrayContaining(['data.kinds', 'data.timeseriesEventsPerSecond', 'load.peakRequestsPerSecond']),
    )
  })

  it('sizes from the ingestion rate the answers give, and names that answer', () => {
    const d = decide({
      product: { shape: 'iot', sellsTo: 'organizations' },
      data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 4000 },
      load: { ingestEventsPerSecond: 500 },
    })
    expect(d.status).toBe('adopt')
    expect(d.because[0].text).toMatch(/About 500 events a second/)
    expect(d.because[0].inputs).toContain('load.ingestEventsPerSecond')
  })

  it('adopts ingestion for any product that states an ingestion rate', () => {
    const d = decide({ product: { shape: 'b2b_saas', sellsTo: 'organizations' }, load: { ingestEventsPerSecond: 500 } })
    expect(d.status).toBe('adopt')
  })

  it('leaves time-series written by people using the app on the app’s own requests', () => {
    const d = decide({
      product: { shape: 'consumer' },
      data: { kinds: ['relational', 'timeseries'], timeseriesEventsPerSecond: 5 },
      load: { peakRequestsPerSecond: 50 },
    })
    expect(d.status).toBe('not_applicable')
  })

  it('ignores an events figure when time-series is not among the data kinds', () => {
    const d = decide({
      product: { shape: 'data_product', sellsTo: 'organizations' },
      data: { kinds: ['relational'], timeseriesEventsPerSecond: 500 },
      load: { peakRequestsPerSecond: 30 },
    })
    expect(d.status).toBe('not_applicable')
  })
})
