import type { Answers } from '#app/engine/answers.ts'
import type { Because, Decision } from '#app/engine/brief.ts'
import type { Catalog } from '#app/engine/catalog.ts'
import { healthRegulated, regionWords } from '#app/engine/constraints.ts'
import { speaks } from '#app/engine/facts.ts'
import { meets, placeHost } from './_placement.ts'
import { formatNumber, LANGUAGE_NAMES, listPhrase } from './_shared-stack.ts'
import { type AreaRules, because, type TriggerDef } from './types.ts'

/** Past this, work outruns what a web request can wait for (seed 000, background jobs). */
export const REQUEST_BUDGET_SECONDS = 30
/** Up to this, a person will wait on the page for work to finish in the request that started it. */
export const INLINE_LIMIT_SECONDS = 10
/** Jobs waiting in the table before a dedicated queue is worth its upkeep. */
export const JOBS_TABLE_BACKLOG = 10_000

interface QueueOption {
  /** Short label used inside sentences, e.g. "Celery on Redis". */
  label: string
  /** What it adds to run beside the app; null when it lives in the database you already have. */
  adds: string | null
  /** Where timed work runs once this queue exists. */
  scheduler: string
}

const QUEUES = {
  oban: { label: 'Oban on Postgres', adds: null, scheduler: "Oban's cron plugin" },
  sidekiq: { label: 'Sidekiq on Redis', adds: 'a Redis server', scheduler: 'sidekiq-cron' },
  celery: { label: 'Celery on Redis', adds: 'a Redis server', scheduler: 'Celery beat' },
  laravel: { label: 'Laravel queues on Redis', adds: 'a Redis server', scheduler: "Laravel's task scheduler" },
  bullmq: { label: 'BullMQ on Redis', adds: 'a Redis server', scheduler: "BullMQ's job schedulers" },
  sqs: {
    label: 'Amazon SQS',
    adds: 'a managed queue in your cloud account',
    scheduler: 'EventBridge Scheduler, which drops a message on the queue at each tick',
  },
} as const satisfies Record<string, QueueOption>
type QueueId = keyof typeof QUEUES

/** Server languages with no queue library in our list: a managed queue has clients for all of them. */
const MANAGED_QUEUE_LANGUAGES = ['go', 'java', 'kotlin', 'csharp', 'rust'] as const

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Which queue fits the team, first match wins: Elixir (Oban adds no service at
 * all); a cloud provider account (its managed queue, already there); the
 * language's own library for Ruby, Python and PHP; a managed queue for the
 * other server languages; BullMQ for TypeScript or JavaScript. TypeScript and
 * JavaScript come last because a team that lists them beside Go or Python
 * usually writes its workers in the other one.
 */
export function pickQueue(a: Answers, catalog: Catalog): { id: QueueId; text: string } {
  const fit = pickForTeam(a, catalog)
  if (fit.id === 'oban' || fit.id === 'sqs') return fit
  // The Redis libraries run on Upstash, whose residency and BAA the sources do not confirm.
  if (meets(catalog, 'upstash_redis', a)) return fit
  const residency = a.compliance.dataResidency
  const needs = [
    ...(residency.length > 0 ? [`keeping data in ${regionWords(residency)}`] : []),
    ...(healthRegulated(a) ? ['signing a Business Associate Agreement for the health data jobs carry'] : []),
  ]
  return {
    id: 'sqs',
    // What moved the queue leads, so a one-line summary of this reason says SQS and why.
    text: `The hosted Redis your team's usual queue would run on (Upstash) does not confirm ${listPhrase(needs)}, and Amazon SQS does, in an AWS region of your choice: use SQS as the queue${speaks(a, 'python') ? ' (Celery can use SQS as its broker)' : ''}. Otherwise the pick would be the team's own: ${fit.text.charAt(0).toLowerCase()}${fit.text.slice(1)}`,
  }
}

function pickForTeam(a: Answers, catalog: Catalog): { id: QueueId; text: string } {
  if (speaks(a, 'elixir')) {
    return {
      id: 'oban',
      text: 'Your team writes Elixir, and Oban keeps its jobs in the Postgres you already run, so retries, backoff and schedules arrive without a new service.',
    }
  }
  if (placeHost(a, catalog).host === 'aws_ec2') {
    return {
      id: 'sqs',
      text: `You run on AWS, so use its managed queue (Amazon SQS on AWS): retries, dead-letter queues and delivery come without a broker to operate, and workers in any language read from it.${speaks(a, 'python') ? " Celery can use SQS as its broker, so your Python workers keep Celery's API." : ''}`,
    }
  }
  if (speaks(a, 'ruby')) {
    return { id: 'sidekiq', text: 'Your team writes Ruby, and Sidekiq is the queue most Ruby teams already know.' }
  }
  if (speaks(a, 'python')) {
    return { id: 'celery', text: 'Your team writes Python, and Celery is the long-standing Python task queue.' }
  }
  if (speaks(a, 'php')) {
    return {
      id: 'laravel',
      text: "Your team writes PHP, and Laravel's queue system runs jobs on Redis with retries, backoff and a table of failed jobs.",
    }
  }
  const managed = MANAGED_QUEUE_LANGUAGES.find((l) => speaks(a, l))
  if (managed) {
    return {
      id: 'sqs',
      text: `Your workers will be in ${LANGUAGE_NAMES[managed]}; a managed queue such as Amazon SQS has a client for it and nothing to operate.`,
    }
  }
  if (speaks(a, 'typescript') || speaks(a, 'javascript')) {
    const lang = speaks(a, 'typescript') ? 'TypeScript' : 'JavaScript'
    return { id: 'bullmq', text: `Your team writes ${lang}, and BullMQ is the common Node.js queue.` }
  }
  return {
    id: 'sqs',
    text: 'A managed queue such as Amazon SQS has clients for every mainstream language and nothing to operate.',
  }
}

function seconds(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'second' : 'seconds'}`
}

/** "a 180-second task". */
function taskOf(n: number): string {
  return `a ${formatNumber(n)}-second task`
}

/** Each answer that justifies a real queue, as its own reason. */
function queueReasons(a: Answers): Because[] {
  const reasons: Because[] = []
  if (a.load.longestTaskSeconds > REQUEST_BUDGET_SECONDS) {
    reasons.push(
      because(
        'jobs.long_tasks_need_queue',
        ['load.longestTaskSeconds'],
        `Your longest task runs ${seconds(a.load.longestTaskSeconds)}, past the roughly ${REQUEST_BUDGET_SECONDS}-second budget of a web request: it needs a worker with its own timeout, and a queue that hands the job to another worker if the first dies halfway.`,
      ),
    )
  }
  if (a.load.needsRetries) {
    reasons.push(
      because(
        'jobs.retries_need_queue',
        ['load.needsRetries'],
        'Some work must be retried with growing gaps between attempts and set aside in a dead-letter queue after the last one; a queue has these policies built in, where a jobs table would need them written and kept up in SQL.',
      ),
    )
  }
  if (a.load.fanOut) {
    reasons.push(
      because(
        'jobs.fan_out_needs_queue',
        ['load.fanOut'],
        'One event has to reach several handlers; a queue delivers a copy to each, and each handler succeeds or retries on its own without holding up the others.',
      ),
    )
  }
  return reasons
}

function queueDecision(a: Answers, catalog: Catalog, reasons: Because[]): Decision {
  const picked = pickQueue(a, catalog)
  const q = QUEUES[picked.id]
  const choiceReason = [picked.text]
  if (picked.id === 'sqs' && a.load.fanOut) {
    choiceReason.push('For the fan-out, publish each event to an SNS topic with one SQS queue per handler.')
  }
  const why: Because[] = [
    ...reasons,
    because('jobs.queue_fits_team', ['team.languages', 'budget.hosting'], choiceReason.join(' ')),
  ]
  if (a.load.scheduledWork) {
    why.push(
      because(
        'jobs.schedule_on_queue',
        ['load.scheduledWork'],
        `Scheduled work runs on ${q.scheduler}, so timed jobs share the workers, retries and dashboards of every other job; pg_cron stays useful only for housekeeping that is pure SQL.`,
      ),
    )
  }
  const needs = [
    ...(a.load.longestTaskSeconds > REQUEST_BUDGET_SECONDS ? [taskOf(a.load.longestTaskSeconds)] : []),
    ...(a.load.needsRetries ? ['retries with backoff and dead letters'] : []),
    ...(a.load.fanOut ? ['fan-out to several handlers'] : []),
  ]
  const tableWhyNot =
    picked.id === 'oban'
      ? 'Oban already is a jobs table in Postgres, with the retry, backoff and scheduling code written; a table of your own would repeat that work.'
      : `Your answers call for ${listPhrase(needs)}. A jobs table can be bent to do that, but you would be writing in SQL what ${q.label} already does.`
  const inlineWhyNot =
    a.load.longestTaskSeconds > REQUEST_BUDGET_SECONDS
      ? `${capitalize(taskOf(a.load.longestTaskSeconds))} cannot finish inside a web request.`
      : a.load.needsRetries
        ? 'Retries with backoff need somewhere to wait between attempts; a request cannot wait for them.'
        : "Running every handler inside the request makes the slowest one the user's wait, and one failure fails them all."
  return {
    area: 'jobs',
    title: 'Background jobs',
    choice: { id: 'queue', name: `A job queue: ${q.label}`, vendor: picked.id },
    status: 'adopt',
    because: why,
    alternatives: [
      { id: 'postgres_jobs_table', name: 'Inline work + a Postgres jobs table', whyNot: tableWhyNot },
      { id: 'inline', name: 'Inline work in the request', whyNot: inlineWhyNot },
      {
        id: 'event_streaming',
        name: 'Kafka (event streaming)',
        whyNot:
          'Kafka is a replicated log for very high event rates and replays across many consumers; for a first product it is a cluster to run for traffic you do not have. Jobs and fan-out fit a queue.',
      },
    ],
    // The queue is already the step both jobs triggers lead to, so nothing here reopens this decision;
    // a growing backlog in a real queue is met by adding workers.
    revisitWhen: [],
    guide: 'jobs',
  }
}

function jobsTableDecision(a: Answers, catalog: Catalog): Decision {
  const q = QUEUES[pickQueue(a, catalog).id]
  const longest = a.load.longestTaskSeconds
  const why: Because[] = [
    because(
      'jobs.jobs_table_first',
      ['load.longestTaskSeconds', 'load.needsRetries', 'load.fanOut'],
      `Nothing runs past ${REQUEST_BUDGET_SECONDS} seconds (your longest task is ${seconds(longest)}), nothing needs dead letters, and no event fans out to many handlers, so a jobs table in the Postgres you already run is your queue: a job is written in the same transaction as the change that caused it, you can read, pause and replay jobs with SQL, and there is no new service to run.`,
    ),
  ]
  if (longest > INLINE_LIMIT_SECONDS) {
    why.push(
      because(
        'jobs.slow_work_leaves_request',
        ['load.longestTaskSeconds'],
        `Your longest task takes ${seconds(longest)}, more than the ${seconds(INLINE_LIMIT_SECONDS)} or so a person will wait on a page, so the request records a job and answers at once while a worker does the rest.`,
      ),
    )
  }
  if (a.load.scheduledWork) {
    why.push(
      because(
        'jobs.schedule_on_jobs_table',
        ['load.scheduledWork'],
        'Scheduled work runs through the jobs table rather than pg_cron: each recurring job inserts its own next run as a row with a future run_at, and a unique key on (type, run_at) stops two workers from booking it twice. That way timed work gets the same attempt counts, logs and replay as every other job, and it does not depend on your database host offering pg_cron. Keep pg_cron, where you have it, for housekeeping that is pure SQL.',
      ),
    )
  }
  if (speaks(a, 'elixir')) {
    why.push(
      because(
        'jobs.oban_is_a_jobs_table',
        ['team.languages'],
        'Your team writes Elixir, and Oban is this jobs table already built: use it instead of writing your own.',
      ),
    )
  }
  const inlineProblems = [
    ...(a.load.scheduledWork
      ? ['Scheduled work has no request to run inside; it needs a worker that wakes on its own.']
      : []),
    ...(longest > INLINE_LIMIT_SECONDS
      ? [`${capitalize(taskOf(longest))} would keep a person's request open; hand it to a worker and answer at once.`]
      : []),
  ]
  return {
    area: 'jobs',
    title: 'Background jobs',
    choice: {
      id: 'postgres_jobs_table',
      name: speaks(a, 'elixir') ? 'Inline work + a Postgres jobs table (Oban)' : 'Inline work + a Postgres jobs table',
    },
    status: 'adopt',
    because: why,
    alternatives: [
      { id: 'inline', name: 'Inline work in the request', whyNot: inlineProblems.join(' ') },
      {
        id: 'queue',
        name: `A job queue: ${q.label}`,
        whyNot: `${q.adds ? `${q.label} brings ${q.adds} to run and watch, and` : "Oban's retry policies and cron plugin are there when you need them, but"} none of your work needs a queue yet: nothing runs past ${REQUEST_BUDGET_SECONDS} seconds, needs dead letters or fans out. This decision's revisit triggers say when to add one.`,
      },
    ],
    revisitWhen: ['jobs_exceed_request_budget', 'jobs_table_backlog'],
    guide: 'jobs',
  }
}

function inlineDecision(a: Answers, catalog: Catalog): Decision {
  const q = QUEUES[pickQueue(a, catalog).id]
  const longest = a.load.longestTaskSeconds
  return {
    area: 'jobs',
    title: 'Background jobs',
    choice: { id: 'inline', name: 'Inline work in the request' },
    status: 'adopt',
    because: [
      because(
        'jobs.inline_is_enough',
        ['load.longestTaskSeconds', 'load.scheduledWork', 'load.needsRetries', 'load.fanOut'],
        `Your longest task takes ${seconds(longest)}, nothing runs on a schedule, and no work needs retries or fan-out, so every piece of work finishes inside the request that starts it. With nothing to run in the background there is no worker to deploy yet.`,
      ),
    ],
    alternatives: [
      {
        id: 'postgres_jobs_table',
        name: 'Inline work + a Postgres jobs table',
        whyNot: `Nothing to put in it yet. Add one table and a polling worker on the day the first scheduled job or a task over ${INLINE_LIMIT_SECONDS} seconds appears; that is the next step, not a queue.`,
      },
      {
        id: 'queue',
        name: `A job queue: ${q.label}`,
        whyNot: `${q.adds ? `It would add ${q.adds} and workers` : 'It would add workers'} for work that already finishes in ${seconds(longest)} inside the request.`,
      },
    ],
    revisitWhen: ['jobs_exceed_request_budget'],
    guide: 'jobs',
  }
}

export const JOBS_TRIGGERS: readonly TriggerDef[] = [
  {
    id: 'jobs_exceed_request_budget',
    area: 'jobs',
    title: 'Work outlasts a web request',
    metric: 'longest_job_seconds',
    comparator: '>',
    threshold: REQUEST_BUDGET_SECONDS,
    action:
      'Move the long-running job types onto a real queue with its own workers, timeouts and retry policy (BullMQ, Sidekiq, Celery, Oban or a managed queue such as SQS, whichever fits your language). Leave short jobs in the table until the queue has proved itself.',
    guide: 'jobs',
  },
  {
    id: 'jobs_table_backlog',
    area: 'jobs',
    title: 'The jobs table falls behind',
    metric: 'queue_depth',
    comparator: '>=',
    threshold: JOBS_TABLE_BACKLOG,
    action:
      'Rule out the cheap fixes first: more workers, a shorter polling interval, and a check that the index on pending jobs is used. If ten thousand or more jobs still wait, move the busiest job types to a dedicated queue.',
    guide: 'jobs',
  },
]

export const jobs: AreaRules = {
  area: 'jobs',
  decide(a, catalog) {
    const reasons = queueReasons(a)
    if (reasons.length > 0) return queueDecision(a, catalog, reasons)
    if (a.load.scheduledWork || a.load.longestTaskSeconds > INLINE_LIMIT_SECONDS) return jobsTableDecision(a, catalog)
    return inlineDecision(a, catalog)
  },
  triggers: JOBS_TRIGGERS,
}
