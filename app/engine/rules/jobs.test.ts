import { describe, expect, it } from 'vitest'
import { DecisionSchema } from '#app/engine/brief.ts'
import { type AnswersPatch, buildAnswers, ORGANIZATIONS_INPUT } from '#tests/support/answers.ts'
import { testCatalog } from '#tests/support/catalog.ts'
import { jobs } from './jobs.ts'

const CATALOG = testCatalog()
const decide = (over: AnswersPatch) =>
  DecisionSchema.parse(jobs.decide(buildAnswers(over, ORGANIZATIONS_INPUT), CATALOG))
const rules = (over: AnswersPatch) => decide(over).because.map((b) => b.rule)

describe('jobs: which way work runs', () => {
  it.each([
    {
      fact: 'inline alone when there is no background or scheduled work at all (seed 000, background jobs: inline covers most cases)',
      load: { longestTaskSeconds: 2 },
      choice: 'inline',
      fired: ['jobs.inline_is_enough'],
    },
    {
      fact: 'a jobs table for scheduled work: timed work has no request to run in (seed 000, a jobs table is a queue)',
      load: { scheduledWork: true },
      choice: 'postgres_jobs_table',
      fired: ['jobs.jobs_table_first', 'jobs.schedule_on_jobs_table'],
    },
    {
      fact: 'a jobs table for work past ten seconds but within the 30-second request budget (seed 000, background jobs)',
      load: { longestTaskSeconds: 20 },
      choice: 'postgres_jobs_table',
      fired: ['jobs.jobs_table_first', 'jobs.slow_work_leaves_request'],
    },
    {
      fact: 'exactly 30 s is still within the request budget: the queue starts past it (seed 000, over thirty seconds)',
      load: { longestTaskSeconds: 30 },
      choice: 'postgres_jobs_table',
      fired: ['jobs.jobs_table_first', 'jobs.slow_work_leaves_request'],
    },
    {
      fact: 'a queue once work runs past 30 s: long jobs outrun the HTTP timeout budget (seed 000, background jobs)',
      load: { longestTaskSeconds: 31 },
      choice: 'queue',
      fired: ['jobs.long_tasks_need_queue', 'jobs.queue_fits_team'],
    },
    {
      fact: 'a queue for retries with exponential backoff and dead letters (seed 000, background jobs)',
      load: { needsRetries: true },
      choice: 'queue',
      fired: ['jobs.retries_need_queue', 'jobs.queue_fits_team'],
    },
    {
      fact: 'a queue when one event fans out to many handlers (seed 000, background jobs)',
      load: { fanOut: true },
      choice: 'queue',
      fired: ['jobs.fan_out_needs_queue', 'jobs.queue_fits_team'],
    },
    {
      fact: 'every reason for a queue is listed, and scheduled work moves onto the queue scheduler (seed 000, background jobs)',
      load: { longestTaskSeconds: 180, needsRetries: true, fanOut: true, scheduledWork: true },
      choice: 'queue',
      fired: [
        'jobs.long_tasks_need_queue',
        'jobs.retries_need_queue',
        'jobs.fan_out_needs_queue',
        'jobs.queue_fits_team',
        'jobs.schedule_on_queue',
      ],
    },
  ])('$fact', ({ load, choice, fired }) => {
    const d = decide({ load })
    expect(d.area).toBe('jobs')
    expect(d.choice.id).toBe(choice)
    expect(d.choice.vendor).toBe(choice === 'queue' ? 'bullmq' : undefined)
    expect(d.status).toBe('adopt')
    expect(d.because.map((b) => b.rule)).toEqual(fired)
    expect(d.guide).toBe('jobs')
  })
})

describe('jobs: the reasons read exactly their answers and quote the values', () => {
  it.each([
    {
      fact: 'the long-task reason reads the longest task and names it (seed 000, over thirty seconds)',
      load: { longestTaskSeconds: 180 },
      rule: 'jobs.long_tasks_need_queue',
      inputs: ['load.longestTaskSeconds'],
      mentions: '180 seconds',
    },
    {
      fact: 'the retry reason reads the retry answer (seed 000, retry with backoff and dead letters)',
      load: { needsRetries: true },
      rule: 'jobs.retries_need_queue',
      inputs: ['load.needsRetries'],
      mentions: 'dead-letter',
    },
    {
      fact: 'the fan-out reason reads the fan-out answer (seed 000, one event to many handlers)',
      load: { fanOut: true },
      rule: 'jobs.fan_out_needs_queue',
      inputs: ['load.fanOut'],
      mentions: 'several handlers',
    },
    {
      fact: 'the jobs-table reason quotes the longest task against the 30 s budget (seed 000, a jobs table gets you years)',
      load: { scheduledWork: true, longestTaskSeconds: 8 },
      rule: 'jobs.jobs_table_first',
      inputs: ['load.longestTaskSeconds', 'load.needsRetries', 'load.fanOut'],
      mentions: '8 seconds',
    },
    {
      fact: 'scheduled work on the jobs table says why not pg_cron (seed 000, pg_cron or a polling loop)',
      load: { scheduledWork: true },
      rule: 'jobs.schedule_on_jobs_table',
      inputs: ['load.scheduledWork'],
      mentions: 'rather than pg_cron',
    },
    {
      fact: 'inline reads all four answers that could have asked for background work (seed 000, inline covers most cases)',
      load: {},
      rule: 'jobs.inline_is_enough',
      inputs: ['load.longestTaskSeconds', 'load.scheduledWork', 'load.needsRetries', 'load.fanOut'],
      mentions: '2 seconds',
    },
  ])('$fact', ({ load, rule, inputs, mentions }) => {
    const reason = decide({ load }).because.find((b) => b.rule === rule)
    expect(reason?.inputs).toEqual(inputs)
    expect(reason?.text).toContain(mentions)
  })
})

describe('jobs: the queue named fits the team', () => {
  it.each([
    {
      fact: 'Sidekiq for a Ruby team (seed 000, Sidekiq with Redis)',
      team: { languages: ['ruby'] },
      budget: {},
      name: 'Sidekiq',
      vendor: 'sidekiq',
    },
    {
      fact: 'Celery for a Python team, even beside TypeScript (seed 003, lightweight job queues)',
      team: { languages: ['python', 'typescript'] },
      budget: {},
      name: 'Celery',
      vendor: 'celery',
    },
    {
      fact: 'BullMQ for a TypeScript team (seed 000, BullMQ)',
      team: { languages: ['typescript'] },
      budget: {},
      name: 'BullMQ',
      vendor: 'bullmq',
    },
    {
      fact: 'Oban for Elixir, which keeps its queue in Postgres (seed 000, Postgres handles job queues)',
      team: { languages: ['elixir'] },
      budget: { hosting: 'cloud_provider' },
      name: 'Oban',
      vendor: 'oban',
    },
    {
      fact: 'Laravel queues for a PHP team (seed 003, lightweight job queues)',
      team: { languages: ['php'] },
      budget: {},
      name: 'Laravel',
      vendor: 'laravel',
    },
    {
      fact: 'the managed queue on a cloud provider (seed 000, SQS)',
      team: { languages: ['ruby'] },
      budget: { hosting: 'cloud_provider' },
      name: 'Amazon SQS',
      vendor: 'sqs',
    },
    {
      fact: 'a managed queue for a Go team, whose language has no queue in our list (seed 000, SQS)',
      team: { languages: ['go', 'typescript'] },
      budget: {},
      name: 'Amazon SQS',
      vendor: 'sqs',
    },
  ] as const)('$fact', ({ team, budget, name, vendor }) => {
    const d = decide({ team: { ...team, languages: [...team.languages] }, budget, load: { needsRetries: true } })
    expect(d.choice.name).toContain(name)
    expect(d.choice.vendor).toBe(vendor)
    const fits = d.because.find((b) => b.rule === 'jobs.queue_fits_team')
    expect(fits?.inputs).toEqual(['team.languages', 'budget.hosting'])
    const table = decide({ team: { ...team, languages: [...team.languages] }, budget, load: { scheduledWork: true } })
    expect(table.alternatives.find((x) => x.id === 'queue')?.name).toContain(name)
    expect(table.choice.vendor).toBeUndefined()
  })

  it('an SQS queue with fan-out explains the topic per handler (seed 000, one event to many handlers)', () => {
    const d = decide({ budget: { hosting: 'cloud_provider' }, load: { fanOut: true } })
    expect(d.because.find((b) => b.rule === 'jobs.queue_fits_team')?.text).toContain('SNS topic')
  })

  it('scheduled work on a queue runs on that queue’s scheduler (seed 000, scheduled work on a cron)', () => {
    const d = decide({ team: { languages: ['python'] }, load: { needsRetries: true, scheduledWork: true } })
    const reason = d.because.find((b) => b.rule === 'jobs.schedule_on_queue')
    expect(reason?.inputs).toEqual(['load.scheduledWork'])
    expect(reason?.text).toContain('Celery beat')
  })

  it('an Elixir team is pointed at Oban as its jobs table (seed 000, a jobs table is a queue)', () => {
    const d = decide({ team: { languages: ['elixir'] }, load: { scheduledWork: true } })
    expect(d.choice).toEqual({ id: 'postgres_jobs_table', name: 'Inline work + a Postgres jobs table (Oban)' })
    expect(rules({ team: { languages: ['elixir'] }, load: { scheduledWork: true } })).toContain(
      'jobs.oban_is_a_jobs_table',
    )
  })
})

describe('jobs: alternatives and what reopens the decision', () => {
  it.each([
    {
      fact: 'inline is revisited when work outlasts the request budget (seed 000, over thirty seconds)',
      load: {},
      alternatives: ['postgres_jobs_table', 'queue'],
      revisit: ['jobs_exceed_request_budget'],
    },
    {
      fact: 'the jobs table is revisited on long work or a backlog, both leading to a queue (seed 000, when you add the queue)',
      load: { scheduledWork: true },
      alternatives: ['inline', 'queue'],
      revisit: ['jobs_exceed_request_budget', 'jobs_table_backlog'],
    },
    {
      fact: 'a chosen queue already is the step both triggers lead to, so nothing reopens it (seed 000, when you add the queue)',
      load: { longestTaskSeconds: 90 },
      alternatives: ['postgres_jobs_table', 'inline', 'event_streaming'],
      revisit: [],
    },
  ])('$fact', ({ load, alternatives, revisit }) => {
    const d = decide({ load })
    expect(d.alternatives.map((x) => x.id)).toEqual(alternatives)
    expect(d.revisitWhen).toEqual(revisit)
  })

  it('the jobs table says why inline falls short for these answers (seed 000, background jobs)', () => {
    const d = decide({ load: { scheduledWork: true, longestTaskSeconds: 25 } })
    const whyNot = d.alternatives.find((x) => x.id === 'inline')?.whyNot
    expect(whyNot).toContain('Scheduled work')
    expect(whyNot).toContain('25-second task')
  })

  it('a chosen queue says what the jobs table would have to hand-write (seed 000, per-job retry policies in SQL)', () => {
    const d = decide({ load: { longestTaskSeconds: 45, needsRetries: true } })
    expect(d.alternatives.find((x) => x.id === 'postgres_jobs_table')?.whyNot).toContain(
      'a 45-second task and retries with backoff and dead letters',
    )
  })
})

describe('jobs: triggers', () => {
  it.each([
    {
      fact: 'jobs_exceed_request_budget fires past 30 s of job time (seed 000, HTTP timeout budget)',
      id: 'jobs_exceed_request_budget',
      metric: 'longest_job_seconds',
      comparator: '>',
      threshold: 30,
    },
    {
      fact: 'jobs_table_backlog fires at ten thousand waiting jobs (seed 000, when polling becomes a problem)',
      id: 'jobs_table_backlog',
      metric: 'queue_depth',
      comparator: '>=',
      threshold: 10_000,
    },
  ])('$fact', ({ id, metric, comparator, threshold }) => {
    const def = jobs.triggers.find((t) => t.id === id)
    expect(def).toMatchObject({ area: 'jobs', metric, comparator, threshold, guide: 'jobs' })
    expect(def?.action).toMatch(/queue/)
  })
})

it('decides the same way twice: no clock, no randomness', () => {
  const over = { load: { longestTaskSeconds: 40, needsRetries: true, scheduledWork: true } }
  expect(JSON.stringify(decide(over))).toBe(JSON.stringify(decide(over)))
})
