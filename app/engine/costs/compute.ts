import type { Band, LineItem } from '#app/engine/brief.ts'
import { groupThousands } from '#app/engine/catalog.ts'
import type { Planned } from '#app/engine/plan/components.ts'
import { type PlanContext, sizeAt } from '#app/engine/plan.ts'
import { charge, line, type PriceContext, rate, regionFactor, regionNote } from './line.ts'
import { IDLE_CPU_SHARE } from './sizing.ts'
import { HOURS_PER_MONTH, PER_USER } from './usage.ts'

/** Instances on the chosen host: the app, workers, ingestion, live updates, and services a trigger adds. */

export function computeLine(ctx: PriceContext, p: Planned): LineItem {
  const host = p.host ?? 'railway'
  const catalogId = host
  const factor = (band: Band, m: number) => {
    const s = sizeAt(ctx, p, band, m)
    return s.kind === 'compute' ? s : undefined
  }
  const regions = p.c.regions
  const across = regionFactor(ctx.catalog, catalogId, regions)
  const sizes = sizesText(ctx, p)
  const name = p.c.product
  if (host === 'railway') {
    const committed = p.plan === 'committed_spend'
    const floorText = committed
      ? `; the BAA needs a committed spend of at least ${rate(ctx, 'railway', 'committed_spend', 'minimum')} for a year, which the app line carries`
      : ''
    const used = p.averageDemand ?? p.demand
    return line(
      ctx,
      p,
      { id: p.c.id, name },
      `Railway at ${rate(ctx, 'railway', 'pro', 'vcpu')} and ${rate(ctx, 'railway', 'pro', 'ram')}, billed on use: lean counts the memory each replica holds all month and the CPU it uses on average (at least ${Math.round(IDLE_CPU_SHARE * 100)}% of its size while idle), on Hobby (at least ${rate(ctx, 'railway', 'hobby', 'minimum')}, counted towards usage) while its replica limits allow; moderate and scaled count each replica at its full size all month, an upper bound, on Pro (at least ${rate(ctx, 'railway', 'pro', 'minimum')})${floorText}. Month 12: ${sizes}.${regionNote(ctx.catalog, catalogId, regions)}`,
      (band, m, use) => {
        const s = factor(band, m)
        if (!s || s.compute.instances === 0) return 0
        const tier = s.compute.tier
        const provisioned = s.compute.instances * s.compute.vcpu
        const vcpu =
          band === 'lean'
            ? Math.min(provisioned, Math.max((used?.(m) ?? 0) / s.regions, provisioned * IDLE_CPU_SHARE))
            : provisioned
        const usage =
          charge(use('railway', tier, 'vcpu'), vcpu) +
          s.compute.instances * charge(use('railway', tier, 'ram'), s.compute.memoryGb)
        // The plan minimum (or the committed spend that carries the BAA) is paid once per account, so only the app carries it.
        const floor = p.c.id !== 'app' ? 0 : charge(use('railway', committed ? 'committed_spend' : tier, 'minimum'), 1)
        return Math.max(floor, usage) * across
      },
    )
  }
  if (host === 'aws_ec2') {
    const egress = p.c.id === 'app'
    return line(
      ctx,
      p,
      { id: p.c.id, name },
      `AWS EC2 on demand (t4g sizes from ${rate(ctx, 'aws_ec2', 't4g_micro', 'instance')} for t4g.micro to ${rate(ctx, 'aws_ec2', 't4g_2xlarge', 'instance')} for t4g.2xlarge, the largest t4g size)${egress ? `, plus data out to the internet at ${rate(ctx, 'aws_data_transfer', 'standard', 'egress')} for about ${PER_USER.responseKb} KB per request` : ''}. Month 12: ${sizes}.${regionNote(ctx.catalog, catalogId, regions)}`,
      (band, m, use) => {
        const s = factor(band, m)
        if (!s || s.compute.instances === 0) return 0
        const hours = s.compute.instances * HOURS_PER_MONTH
        const out = egress
          ? charge(
              use('aws_data_transfer', 'standard', 'egress'),
              (ctx.usage.users[m] * PER_USER.requestsPerMonth * PER_USER.responseKb) / 1_000_000 / regions.length,
            )
          : 0
        return (charge(use('aws_ec2', s.compute.plan, 'instance'), hours) + out) * across
      },
    )
  }
  return line(
    ctx,
    p,
    { id: p.c.id, name },
    `Basic virtual servers at list price (from ${rate(ctx, 'small_vps', 'vps_1gb', 'instance')} for 1 GB to ${rate(ctx, 'small_vps', 'vps_16gb', 'instance')} for 16 GB), bandwidth taken as included. Month 12: ${sizes}.`,
    (band, m, use) => {
      const s = factor(band, m)
      if (!s || s.compute.instances === 0) return 0
      return s.compute.instances * charge(use('small_vps', s.compute.plan, 'instance'), 1) * across
    },
  )
}

export function balancerLine(ctx: PriceContext, p: Planned): LineItem {
  const regions = p.c.regions
  const sizes = sizesText(ctx, p)
  if (p.host === 'aws_ec2') {
    return line(
      ctx,
      p,
      { id: p.c.id, name: p.c.product },
      `An Application Load Balancer at ${rate(ctx, 'aws_alb', 'standard', 'hour')} with one target group for each service that takes traffic (the app, and ingestion, live updates or an extracted service where the plan has them), wherever one of them runs more than one instance (capacity units left out). Month 12: ${sizes}.`,
      (band, m, use) => {
        const s = sizeAt(ctx, p, band, m)
        const n = s.kind === 'balancer' ? s.balancers : 0
        return charge(use('aws_alb', 'standard', 'hour'), n * HOURS_PER_MONTH) * regions.length
      },
    )
  }
  return line(
    ctx,
    p,
    { id: p.c.id, name: p.c.product },
    `A 1 GB server at ${rate(ctx, 'small_vps', 'vps_1gb', 'instance')} running a reverse proxy in front of every service that takes traffic, wherever one of them runs more than one server. Month 12: ${sizes}.`,
    (band, m, use) => {
      const s = sizeAt(ctx, p, band, m)
      const n = s.kind === 'balancer' ? s.balancers : 0
      return n * charge(use('small_vps', 'vps_1gb', 'instance'), 1) * regions.length
    },
  )
}

/** "lean …; moderate …; scaled …" from the plan's own size texts. */
export function sizesText(ctx: PlanContext, p: Planned): string {
  void ctx
  return (['lean', 'moderate', 'scaled'] as const).map((b) => `${b} ${p.c.size[b].text}`).join('; ')
}

export const count = groupThousands
