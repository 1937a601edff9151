import type { Band, LineItem } from '#app/engine/brief.ts'
import { groupThousands as count } from '#app/engine/catalog.ts'
import type { Planned } from '#app/engine/plan/components.ts'
import { sizeAt } from '#app/engine/plan.ts'
import { charge, fits, includedOf, limitOf, line, type PriceContext, rate, round1, type Use } from './line.ts'
import { BAND_PROFILES } from './sizing.ts'
import { INPUT_TOKEN_SHARE, MONTHS, PER_USER, SECONDS_PER_MONTH } from './usage.ts'

/** Services bought from other companies, one pricer per area, each at the plan's own quantities. */

export const QUEUE_COMMANDS_PER_JOB = 10
/** A worker waiting on an empty queue still polls it, roughly every ten seconds. */
export const IDLE_QUEUE_COMMANDS_PER_WORKER_MONTH = 260_000
/** SQS bills every API call: a job is sent, received and deleted. */
export const SQS_REQUESTS_PER_JOB = 3
/** An idle worker long-polls SQS, each receive waiting up to 20 seconds: 730 hours × 180 calls. */
export const IDLE_SQS_REQUESTS_PER_WORKER_MONTH = 131_400
/** Times a month reports read the whole warehouse. */
export const WAREHOUSE_SCANS_PER_MONTH = 20

const num = (n: number) => (Number.isInteger(n) ? count(n) : String(Math.round(n * 100) / 100))

function quantity(ctx: PriceContext, p: Planned, m: number): number {
  const s = sizeAt(ctx, p, 'moderate', m)
  return s.kind === 'service' ? s.quantity : 0
}

export function serviceLine(ctx: PriceContext, p: Planned, workers: Planned | undefined): LineItem | undefined {
  const q = (m: number) => quantity(ctx, p, m)
  const last = MONTHS - 1
  const name = p.c.product
  const head = { id: p.c.id, name }
  const sso = ctx.a.compliance.enterpriseSso
  switch (p.c.catalogId) {
    case 'clerk': {
      const tier = limitOf(ctx, 'clerk', 'pro', 'extra_mau')
      const top = limitOf(ctx, 'clerk', 'pro', 'extra_mau_over_100k')
      return line(
        ctx,
        p,
        head,
        `Clerk: lean stays on the free plan while users fit it (${count(limitOf(ctx, 'clerk', 'free', 'mau'))}), then Pro; moderate and scaled use Pro at ${rate(ctx, 'clerk', 'pro', 'base')} with ${count(includedOf(ctx, 'clerk', 'pro', 'extra_mau'))} users included, ${rate(ctx, 'clerk', 'pro', 'extra_mau')} up to ${count(tier)} and ${rate(ctx, 'clerk', 'pro', 'extra_mau_over_100k')} beyond, to ${count(top)}${q(last) > top ? ' (past that the sources give no rate, so the last one is carried on as an estimate: ask Clerk)' : ''}. ${count(q(last))} users in month 12.${sso ? ' Enterprise SSO connections are priced separately and not included.' : ''}`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('clerk', 'free', 'mau'), q(m))) return charge(use('clerk', 'free', 'base'), 1)
          return (
            charge(use('clerk', 'pro', 'base'), 1) +
            charge(use('clerk', 'pro', 'extra_mau'), Math.min(q(m), tier)) +
            charge(use('clerk', 'pro', 'extra_mau_over_100k'), q(m))
          )
        },
      )
    }
    case 'auth0':
      return line(
        ctx,
        p,
        head,
        `Auth0: lean stays on the free plan up to ${count(limitOf(ctx, 'auth0', 'free', 'mau'))} monthly active users; moderate and scaled use a paid plan, estimated at ${rate(ctx, 'auth0', 'essentials', 'base')} with ${count(includedOf(ctx, 'auth0', 'essentials', 'extra_mau'))} users included and ${rate(ctx, 'auth0', 'essentials', 'extra_mau')} beyond (paid tiers unconfirmed). ${count(q(last))} users in month 12.${sso ? ' Enterprise SSO connections need a higher tier that is not priced here.' : ''}`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('auth0', 'free', 'mau'), q(m))) return charge(use('auth0', 'free', 'base'), 1)
          return charge(use('auth0', 'essentials', 'base'), 1) + charge(use('auth0', 'essentials', 'extra_mau'), q(m))
        },
      )
    case 'stytch':
      return line(
        ctx,
        p,
        head,
        `Stytch has no monthly fee: the first ${count(includedOf(ctx, 'stytch', 'pay_as_you_go', 'extra_mau'))} monthly active users are free in every band, then an estimated ${rate(ctx, 'stytch', 'pay_as_you_go', 'extra_mau')} (unconfirmed). ${count(q(last))} users in month 12.${sso ? ` The first ${includedOf(ctx, 'stytch', 'pay_as_you_go', 'sso_connection')} SSO or SCIM connections are free; each further one is ${rate(ctx, 'stytch', 'pay_as_you_go', 'sso_connection')} and is not included.` : ''}${p.c.holds.includes('health') ? ' The BAA needs the Enterprise plan, whose custom price is not in the catalog and is not included: ask Stytch for it before you sign.' : ''}`,
        (_band, m, use) =>
          charge(use('stytch', 'pay_as_you_go', 'base'), 1) + charge(use('stytch', 'pay_as_you_go', 'extra_mau'), q(m)),
      )
    case 'workos':
      return line(
        ctx,
        p,
        head,
        `WorkOS AuthKit: sign-in is free up to ${count(includedOf(ctx, 'workos', 'authkit', 'extra_mau'))} monthly active users in every band, then ${rate(ctx, 'workos', 'authkit', 'extra_mau')}. ${count(q(last))} users in month 12. Each enterprise customer's SSO connection is ${rate(ctx, 'workos', 'authkit', 'sso_connection')} and is not included: multiply by the customers who ask for SSO.`,
        (_band, m, use) =>
          charge(use('workos', 'authkit', 'base'), 1) + charge(use('workos', 'authkit', 'extra_mau'), q(m)),
      )
    case 'better_auth':
      return line(
        ctx,
        p,
        head,
        'Better-Auth is an open-source library running inside the app, so it costs nothing beyond the app compute and database already priced.',
        (_band, _m, use) => charge(use('better_auth', 'open_source', 'licence'), 1),
      )
    case 'postmark':
      return line(
        ctx,
        p,
        head,
        `Postmark: lean stays on the free ${count(limitOf(ctx, 'postmark', 'free', 'emails'))} emails a month while they suffice, then Basic; moderate and scaled use Basic at ${rate(ctx, 'postmark', 'basic', 'base')} for ${count(includedOf(ctx, 'postmark', 'basic', 'extra_emails'))} emails and ${rate(ctx, 'postmark', 'basic', 'extra_emails')} beyond. ${count(q(last))} emails in month 12 at ${PER_USER.emailsPerMonth} per active user.`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('postmark', 'free', 'emails'), q(m))) return 0
          return charge(use('postmark', 'basic', 'base'), 1) + charge(use('postmark', 'basic', 'extra_emails'), q(m))
        },
      )
    case 'resend': {
      const plan = (id: 'pro' | 'scale', use: Use, m: number) =>
        charge(use('resend', id, 'base'), 1) + charge(use('resend', id, 'extra_emails'), q(m))
      return line(
        ctx,
        p,
        head,
        `Resend: lean stays on the free ${count(limitOf(ctx, 'resend', 'free', 'emails'))} emails a month while they suffice; after that lean and moderate take the cheaper of Pro (${rate(ctx, 'resend', 'pro', 'base')} for ${count(includedOf(ctx, 'resend', 'pro', 'extra_emails'))}) and Scale (${rate(ctx, 'resend', 'scale', 'base')} for ${count(includedOf(ctx, 'resend', 'scale', 'extra_emails'))}), and scaled takes Scale; ${rate(ctx, 'resend', 'scale', 'extra_emails')} beyond. ${count(q(last))} emails in month 12 at ${PER_USER.emailsPerMonth} per active user.`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('resend', 'free', 'emails'), q(m))) return 0
          const scale = plan('scale', use, m)
          return band === 'scaled' ? scale : Math.min(plan('pro', use, m), scale)
        },
      )
    }
    case 'amazon_ses':
      return line(
        ctx,
        p,
        head,
        `Amazon SES at about ${rate(ctx, 'amazon_ses', 'pay_as_you_go', 'emails')} in every band, with no free allowance assumed. ${count(q(last))} emails in month 12 at ${PER_USER.emailsPerMonth} per active user.`,
        (_band, m, use) => charge(use('amazon_ses', 'pay_as_you_go', 'emails'), q(m)),
      )
    case 'grafana_cloud':
      return line(
        ctx,
        p,
        head,
        `Grafana Cloud: lean stays on the free plan (${count(limitOf(ctx, 'grafana_cloud', 'free', 'telemetry'))} GB of logs and traces, ${count(limitOf(ctx, 'grafana_cloud', 'free', 'metric_series'))} metric series, 14 days kept) while it fits; moderate and scaled use the paid plan at an estimated ${rate(ctx, 'grafana_cloud', 'pro', 'platform_fee')} plus ${rate(ctx, 'grafana_cloud', 'pro', 'extra_telemetry')} beyond ${count(includedOf(ctx, 'grafana_cloud', 'pro', 'extra_telemetry'))} GB. ${num(round1(q(last)))} GB of logs and traces in month 12.`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('grafana_cloud', 'free', 'telemetry'), q(m)))
            return charge(use('grafana_cloud', 'free', 'base'), 1)
          return (
            charge(use('grafana_cloud', 'pro', 'platform_fee'), 1) +
            charge(use('grafana_cloud', 'pro', 'extra_telemetry'), q(m))
          )
        },
      )
    case 'datadog': {
      const hosts = (band: Band, m: number) => {
        let n = 0
        for (const other of ctx.planned) {
          if (other.kind !== 'compute') continue
          const s = sizeAt(ctx, other, band, m)
          if (s.kind === 'compute') n += s.compute.instances * s.regions
        }
        return n
      }
      return line(
        ctx,
        p,
        head,
        `Datadog billed yearly, one host per instance in the plan: lean pays for infrastructure monitoring (${rate(ctx, 'datadog', 'pro', 'infra_host_yearly')}), moderate and scaled add APM (${rate(ctx, 'datadog', 'pro', 'apm_host')}); logs are ingested at ${rate(ctx, 'datadog', 'pro', 'logs_ingested')} in every band, and indexing them is extra. ${num(round1(q(last)))} GB of logs and traces in month 12.`,
        (band, m, use) => {
          const apm = band === 'lean' ? 0 : charge(use('datadog', 'pro', 'apm_host'), hosts(band, m))
          return (
            charge(use('datadog', 'pro', 'infra_host_yearly'), hosts(band, m)) +
            apm +
            charge(use('datadog', 'pro', 'logs_ingested'), q(m))
          )
        },
      )
    }
    case 'honeycomb': {
      const events = (m: number) => ctx.usage.users[m] * PER_USER.requestsPerMonth * PER_USER.spansPerRequest
      const block = limitOf(ctx, 'honeycomb', 'pro', 'events')
      return line(
        ctx,
        p,
        head,
        `Honeycomb, priced by events (about ${PER_USER.spansPerRequest} per request): lean samples traces down to the free plan's estimated ${count(limitOf(ctx, 'honeycomb', 'free', 'events'))} events a month; moderate and scaled use Pro, an estimated ${rate(ctx, 'honeycomb', 'pro', 'base')} for each ${count(block)} events. ${count(events(last))} events in month 12 before sampling.`,
        (band, m, use) => {
          if (band === 'lean') return charge(use('honeycomb', 'free', 'events'), 0)
          use('honeycomb', 'pro', 'events')
          return Math.max(1, Math.ceil(events(m) / block)) * charge(use('honeycomb', 'pro', 'base'), 1)
        },
      )
    }
    case 'aws_s3': {
      const uploads = (m: number) => ctx.usage.users[m] * PER_USER.uploadsPerMonth
      const downloads = (m: number) => ctx.usage.users[m] * PER_USER.downloadsPerMonth
      return line(
        ctx,
        p,
        head,
        `Amazon S3 Standard in every band: ${rate(ctx, 'aws_s3', 'standard', 'storage')}, uploads at ${rate(ctx, 'aws_s3', 'standard', 'put')}, downloads at ${rate(ctx, 'aws_s3', 'standard', 'get')} and ${rate(ctx, 'aws_s3', 'standard', 'egress')}. ${num(round1(q(last)))} GB stored in month 12.`,
        (_band, m, use) =>
          charge(use('aws_s3', 'standard', 'storage'), q(m)) +
          charge(use('aws_s3', 'standard', 'put'), uploads(m)) +
          charge(use('aws_s3', 'standard', 'get'), downloads(m)) +
          charge(use('aws_s3', 'standard', 'egress'), (downloads(m) * PER_USER.downloadMb) / 1000),
      )
    }
    case 'cloudflare_r2': {
      const uploads = (m: number) => ctx.usage.users[m] * PER_USER.uploadsPerMonth
      const downloads = (m: number) => ctx.usage.users[m] * PER_USER.downloadsPerMonth
      return line(
        ctx,
        p,
        head,
        `Cloudflare R2 in every band: ${rate(ctx, 'cloudflare_r2', 'standard', 'storage')} beyond ${count(includedOf(ctx, 'cloudflare_r2', 'standard', 'storage'))} GB free, uploads at ${rate(ctx, 'cloudflare_r2', 'standard', 'class_a')}, downloads at ${rate(ctx, 'cloudflare_r2', 'standard', 'class_b')}, and nothing for data sent out. ${num(round1(q(last)))} GB stored in month 12.`,
        (_band, m, use) =>
          charge(use('cloudflare_r2', 'standard', 'storage'), q(m)) +
          charge(use('cloudflare_r2', 'standard', 'class_a'), uploads(m)) +
          charge(use('cloudflare_r2', 'standard', 'class_b'), downloads(m)),
      )
    }
    case 'aws_sqs': {
      const requests = (band: Band, m: number) =>
        q(m) * SQS_REQUESTS_PER_JOB + workerCount(ctx, workers, band, m) * IDLE_SQS_REQUESTS_PER_WORKER_MONTH
      return line(
        ctx,
        p,
        head,
        `Amazon SQS standard queues in every band: the first ${count(includedOf(ctx, 'aws_sqs', 'standard', 'requests'))} requests a month are free, the rest ${rate(ctx, 'aws_sqs', 'standard', 'requests')}. ${count(requests('moderate', last))} requests in month 12 in moderate.`,
        (band, m, use) => charge(use('aws_sqs', 'standard', 'requests'), requests(band, m)),
      )
    }
    case 'upstash_redis': {
      const commands = (band: Band, m: number) =>
        q(m) * QUEUE_COMMANDS_PER_JOB + workerCount(ctx, workers, band, m) * IDLE_QUEUE_COMMANDS_PER_WORKER_MONTH
      return line(
        ctx,
        p,
        head,
        `Upstash Redis holding the job queue: lean stays on the free ${count(limitOf(ctx, 'upstash_redis', 'free', 'commands'))} commands a month while they suffice; moderate and scaled pay ${rate(ctx, 'upstash_redis', 'pay_as_you_go', 'commands')}. ${count(commands('moderate', last))} commands in month 12 in moderate.`,
        (band, m, use) => {
          if (band === 'lean' && fits(use('upstash_redis', 'free', 'commands'), commands(band, m))) return 0
          return charge(use('upstash_redis', 'pay_as_you_go', 'commands'), commands(band, m))
        },
      )
    }
    case 'stripe':
    case 'razorpay':
      return line(
        ctx,
        p,
        head,
        `${p.c.product} charges no monthly fee; its fees are a share of each payment, shown per $1,000 processed under transaction fees and kept out of the bands.`,
        (_band, _m, use) => {
          use(p.c.catalogId ?? 'stripe', 'standard', p.c.catalogId === 'razorpay' ? 'domestic_percent' : 'card_percent')
          return 0
        },
      )
    case 'anthropic': {
      const tokens = (m: number) => q(m)
      return line(
        ctx,
        p,
        head,
        `Claude Haiku 4.5 at ${rate(ctx, 'anthropic', 'haiku_4_5', 'input')} read and ${rate(ctx, 'anthropic', 'haiku_4_5', 'output')} written, about ${Math.round(INPUT_TOKEN_SHARE * 100)}% of tokens read; the same model in every band, since the band changes the infrastructure, not the product. ${count(ctx.usage.llmCalls[last])} calls of ${count(ctx.usage.tokensPerCall)} tokens in month 12${ctx.usage.estimated.includes('llm') ? ` (estimated at ${PER_USER.llmCallsPerMonth} calls per active user a month)` : ''}. Claude Sonnet 4.6 would cost three times as much.`,
        (_band, m, use) =>
          charge(use('anthropic', 'haiku_4_5', 'input'), tokens(m) * INPUT_TOKEN_SHARE) +
          charge(use('anthropic', 'haiku_4_5', 'output'), tokens(m) * (1 - INPUT_TOKEN_SHARE)),
      )
    }
    case 'openai_embeddings':
      return line(
        ctx,
        p,
        head,
        `text-embedding-3-small at ${rate(ctx, 'openai_embeddings', 'text_embedding_3_small', 'tokens')}, about 500 tokens per stored item or query: ${num(round1(q(last)))} million tokens in month 12.`,
        (_band, m, use) => charge(use('openai_embeddings', 'text_embedding_3_small', 'tokens'), q(m)),
      )
    case 'bigquery': {
      const scannedTib = (m: number) => (q(m) * WAREHOUSE_SCANS_PER_MONTH) / 1024
      return line(
        ctx,
        p,
        head,
        `BigQuery on demand: storage at ${rate(ctx, 'bigquery', 'on_demand', 'storage')} beyond ${count(includedOf(ctx, 'bigquery', 'on_demand', 'storage'))} GB, queries at ${rate(ctx, 'bigquery', 'on_demand', 'queries')} beyond the first TiB, with reports reading the whole copy about ${WAREHOUSE_SCANS_PER_MONTH} times a month. ${num(round1(q(last)))} GB loaded by month 12.`,
        (_band, m, use) =>
          charge(use('bigquery', 'on_demand', 'storage'), q(m)) +
          charge(use('bigquery', 'on_demand', 'queries'), scannedTib(m)),
      )
    }
    default:
      return undefined
  }
}

function workerCount(ctx: PriceContext, workers: Planned | undefined, band: Band, m: number): number {
  if (!workers) return BAND_PROFILES[band].workers.queue
  const s = sizeAt(ctx, workers, band, m)
  return s.kind === 'compute' ? s.compute.instances * s.regions : 0
}

export { SECONDS_PER_MONTH }
