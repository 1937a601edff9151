import type { Answers } from '#app/engine/answers.ts'
import type { Alternative, Because } from '#app/engine/brief.ts'
import { type Catalog, formatDollars, groupThousands, priceLookup } from '#app/engine/catalog.ts'
import { factsOf, HEALTH_INPUTS, healthRegulated, regionWords, residencyFit } from '#app/engine/constraints.ts'
import { PER_USER } from '#app/engine/costs/usage.ts'
import { hasPayments, primaryLanguage, writesJsFirst } from '#app/engine/facts.ts'
import { placeHost } from './_placement.ts'
import { LANGUAGE_NAMES, listPhrase } from './_shared-stack.ts'
import { type AreaRules, because } from './types.ts'

type Sender = 'postmark' | 'resend' | 'amazon_ses'

const SENDER_NAMES: Record<Sender, string> = {
  postmark: 'Postmark',
  resend: 'Resend',
  amazon_ses: 'Amazon SES',
}
const SENDERS: readonly Sender[] = ['postmark', 'resend', 'amazon_ses']

const writesJs = writesJsFirst

const healthData = healthRegulated
const onAws = (a: Answers, catalog: Catalog) => placeHost(a, catalog).host === 'aws_ec2'

/**
 * The precedence, first match wins: health data or an AWS account (SES sits
 * under the account's agreements and is cheapest per message); a TypeScript
 * or JavaScript team (Resend); otherwise Postmark. Then residency: a sender
 * whose facts do not confirm keeping data where it must stay gives way to
 * SES, which runs in a region of each.
 */
export function pickSender(a: Answers, catalog: Catalog): Sender {
  const fit = preferredSender(a, catalog)
  return outOfRegion(a, catalog, fit) ? 'amazon_ses' : fit
}

function preferredSender(a: Answers, catalog: Catalog): Sender {
  if (healthData(a) || onAws(a, catalog)) return 'amazon_ses'
  if (writesJs(a)) return 'resend'
  return resendCheaper(a, catalog) ? 'resend' : 'postmark'
}

/** Emails a month at the 12-month user count, as the costs count them. */
const emailsIn12Months = (a: Answers) => a.load.activeUsersIn12Months * PER_USER.emailsPerMonth

/** List price a month on the paid plans the moderate band prices, in cents: Postmark Basic, or the cheaper of Resend Pro and Scale. */
export function emailMonthlyCents(catalog: Catalog, sender: 'postmark' | 'resend', emails: number): number {
  const use = priceLookup(catalog)
  const plan = (c: string, id: string) => {
    const base = use(c, id, 'base').price
    const extra = use(c, id, 'extra_emails').price
    return (base.cents ?? 0) + ((extra.cents ?? 0) * Math.max(0, emails - (extra.included ?? 0))) / extra.per
  }
  return sender === 'postmark' ? plan('postmark', 'basic') : Math.min(plan('resend', 'pro'), plan('resend', 'scale'))
}

/** Away from TypeScript, neither sender has an edge in the code, so the cheaper at your volume wins; a tie goes to Postmark. */
const resendCheaper = (a: Answers, catalog: Catalog) => {
  const emails = emailsIn12Months(a)
  return emailMonthlyCents(catalog, 'resend', emails) < emailMonthlyCents(catalog, 'postmark', emails)
}

const outOfRegion = (a: Answers, catalog: Catalog, s: Sender) =>
  residencyFit(catalog, s, a.compliance.dataResidency) !== 'fits'

function reasons(a: Answers, catalog: Catalog, sender: Sender): Because[] {
  const why: Because[] = [
    because(
      'email.hosted_always',
      ['compliance.payments'],
      `Every product sends mail: ${listPhrase(['sign-in links', 'address checks', 'password resets', ...(hasPayments(a) ? ['payment receipts'] : [])])}. A hosted sender looks after deliverability (SPF, DKIM and DMARC records, bounces, complaints, sender reputation) so those messages land in the inbox, not in spam.`,
    ),
  ]
  const preferred = preferredSender(a, catalog)
  if (preferred !== sender) {
    why.push(
      because(
        'email.residency',
        ['compliance.dataResidency'],
        `Your data must stay in ${regionWords(a.compliance.dataResidency)}; ${SENDER_NAMES[preferred]} keeps its account data, logs and message metadata in the US only, while Amazon SES is set up per AWS region, so messages and their logs stay in a region there.`,
      ),
    )
  }
  if (healthData(a)) {
    why.push(
      because(
        'email.no_health_in_mail',
        [...HEALTH_INPUTS],
        "Health data needs a Business Associate Agreement (BAA) with every service that receives it, and no email provider weighed here confirms one: AWS's account-level BAA may cover SES, but the sources read do not confirm it. So email never carries health details: notifications say only that something is waiting and link to a page behind sign-in.",
      ),
    )
  }
  if (sender === 'amazon_ses' && onAws(a, catalog)) {
    why.push(
      because(
        'email.ses_on_cloud',
        ['budget.hosting'],
        'Your app runs on AWS, and Amazon SES bills per message (about $0.10 per thousand) with no monthly plan. Its console is bare, so send bounce and complaint notifications to your app from the first day.',
      ),
    )
  }
  if (sender === 'resend' && !writesJs(a)) {
    const emails = emailsIn12Months(a)
    why.push(
      because(
        'email.resend_at_your_volume',
        ['team.languages', 'budget.hosting', 'load.activeUsersIn12Months'],
        `Your team writes ${LANGUAGE_NAMES[primaryLanguage(a)]}, where neither sender has an edge in the code: both have client libraries for most server languages. At about ${groupThousands(emails)} emails a month Resend costs about ${usd(emailMonthlyCents(catalog, 'resend', emails))} a month against ${usd(emailMonthlyCents(catalog, 'postmark', emails))} for Postmark, so Resend is chosen.`,
      ),
    )
  } else if (sender === 'resend') {
    why.push(
      because(
        'email.resend_for_typescript',
        ['team.languages'],
        `Your team writes ${LANGUAGE_NAMES[primaryLanguage(a)]}; Resend is a few lines from Node, and React Email lets you build messages as components in the same codebase. The free tier covers 3,000 emails a month.`,
      ),
    )
  }
  if (sender === 'postmark') {
    why.push(
      because(
        'email.postmark_default',
        ['team.languages', 'budget.hosting', 'load.activeUsersIn12Months'],
        `Postmark does transactional mail and keeps it on its own stream, apart from any newsletters, so sign-in links arrive quickly; it has client libraries for ${a.team.languages[0] === 'other' ? 'most server languages' : `${LANGUAGE_NAMES[a.team.languages[0]]} and most other server languages`}, and starts at $15 a month for 10,000 emails.`,
      ),
    )
  }
  return why
}

function whyNot(sender: Sender, chosen: Sender, a: Answers, catalog: Catalog): string {
  if (sender !== 'amazon_ses' && outOfRegion(a, catalog, sender)) {
    // Name only the required regions it misses: with US and EU residency, the US is not one of them.
    const regions = factsOf(catalog, sender)?.regions
    const keeps = Array.isArray(regions) ? regions : []
    const missed = a.compliance.dataResidency.filter((r) => !keeps.includes(r))
    return `${SENDER_NAMES[sender]} keeps its account data and message logs in the US only, not in ${regionWords(missed)}, where your data must stay.`
  }
  if (healthData(a) && sender !== 'amazon_ses') {
    return `${SENDER_NAMES[sender]} does not confirm signing a BAA either, and SES sits in the same AWS account as the rest of your stack; if ${SENDER_NAMES[sender]} signs one in writing, it can replace SES.`
  }
  switch (sender) {
    case 'amazon_ses':
      return `SES is the cheapest per message, but bounce handling, suppression lists and monitoring are yours to wire up; away from a cloud provider account, ${SENDER_NAMES[chosen]} has already done that work.`
    case 'resend':
      return chosen === 'amazon_ses'
        ? 'Resend is pleasant to use from TypeScript, but on a cloud provider SES is already in reach and costs less per message.'
        : `Resend's edge is React Email templates beside a TypeScript codebase; your team writes ${LANGUAGE_NAMES[a.team.languages[0]]}, so Postmark's focus on transactional delivery counts for more, at no higher price for your volume.`
    case 'postmark':
      return chosen === 'amazon_ses'
        ? 'Postmark is excellent at transactional delivery, but on a cloud provider SES is already in reach at a fraction of the price per message.'
        : writesJs(a)
          ? 'Postmark is just as safe a sender; Resend wins for a TypeScript team because templates live as components beside your code.'
          : `Postmark is just as safe a sender and focuses on transactional delivery, but at your volume it costs more than Resend.`
  }
}

export const email: AreaRules = {
  area: 'email',
  decide(a, catalog) {
    const chosen = pickSender(a, catalog)
    const alternatives: Alternative[] = SENDERS.filter((s) => s !== chosen).map((s) => ({
      id: s,
      name: SENDER_NAMES[s],
      whyNot: whyNot(s, chosen, a, catalog),
    }))
    alternatives.push({
      id: 'own_mail_server',
      name: 'Your own mail server',
      whyNot:
        'You would warm up IP addresses, watch blocklists and process bounces yourself, and sign-in links that land in spam cost you users.',
    })
    return {
      area: 'email',
      title: 'Transactional email',
      choice: { id: chosen, name: SENDER_NAMES[chosen] },
      status: 'adopt',
      because: reasons(a, catalog, chosen),
      alternatives,
      revisitWhen: [],
      guide: 'default-stack',
    }
  },
  triggers: [],
}

const usd = (cents: number) => formatDollars(Math.round(cents) / 100)
