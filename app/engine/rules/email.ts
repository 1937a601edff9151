import type { Answers } from '../answers'
import type { Alternative, Because } from '../brief'
import { hasPayments, hasRegime, speaks } from '../facts'
import { LANGUAGE_NAMES, listPhrase } from './_shared-stack'
import { type AreaRules, because } from './types'

type Sender = 'postmark' | 'resend' | 'amazon_ses'

const SENDER_NAMES: Record<Sender, string> = {
  postmark: 'Postmark',
  resend: 'Resend',
  amazon_ses: 'Amazon SES',
}
const SENDERS: readonly Sender[] = ['postmark', 'resend', 'amazon_ses']

const writesJs = (a: Answers) => speaks(a, 'typescript') || speaks(a, 'javascript')

/**
 * The precedence, first match wins: HIPAA (the sender must sign a BAA, and
 * SES is covered by the AWS one); a cloud provider account (SES is already in
 * reach and cheapest per message); a TypeScript or JavaScript team (Resend);
 * otherwise Postmark.
 */
export function pickSender(a: Answers): Sender {
  if (hasRegime(a, 'hipaa') || a.budget.hosting === 'cloud_provider') return 'amazon_ses'
  if (writesJs(a)) return 'resend'
  return 'postmark'
}

function reasons(a: Answers, sender: Sender): Because[] {
  const why: Because[] = [
    because(
      'email.hosted_always',
      ['compliance.payments'],
      `Every product sends mail: ${listPhrase(['sign-in links', 'address checks', 'password resets', ...(hasPayments(a) ? ['payment receipts'] : [])])}. A hosted sender looks after deliverability (SPF, DKIM and DMARC records, bounces, complaints, sender reputation) so those messages land in the inbox, not in spam.`,
    ),
  ]
  if (hasRegime(a, 'hipaa')) {
    why.push(
      because(
        'email.hipaa_needs_baa',
        ['compliance.regimes'],
        'HIPAA applies, so the email provider must sign a Business Associate Agreement (BAA); Amazon SES is covered by the AWS one. Even so, keep health details out of message bodies and send a link that opens behind sign-in.',
      ),
    )
  }
  if (sender === 'amazon_ses' && a.budget.hosting === 'cloud_provider') {
    why.push(
      because(
        'email.ses_on_cloud',
        ['budget.hosting'],
        'You run on a cloud provider, and Amazon SES bills per message (about $0.10 per thousand) with no monthly plan. Its console is bare, so send bounce and complaint notifications to your app from the first day.',
      ),
    )
  }
  if (sender === 'resend') {
    why.push(
      because(
        'email.resend_for_typescript',
        ['team.languages'],
        `Your team writes ${speaks(a, 'typescript') ? 'TypeScript' : 'JavaScript'}; Resend is a few lines from Node, and React Email lets you build messages as components in the same codebase. The free tier covers 3,000 emails a month.`,
      ),
    )
  }
  if (sender === 'postmark') {
    why.push(
      because(
        'email.postmark_default',
        ['team.languages', 'budget.hosting'],
        `Postmark does transactional mail and keeps it on its own stream, apart from any newsletters, so sign-in links arrive quickly; it has client libraries for ${a.team.languages[0] === 'other' ? 'most server languages' : `${LANGUAGE_NAMES[a.team.languages[0]]} and most other server languages`}, and starts at $15 a month for 10,000 emails.`,
      ),
    )
  }
  return why
}

function whyNot(sender: Sender, chosen: Sender, a: Answers): string {
  if (hasRegime(a, 'hipaa') && sender !== 'amazon_ses') {
    return `Confirm that ${SENDER_NAMES[sender]} will sign a BAA on your plan before any patient detail passes through it; SES is covered by the AWS agreement, so it comes first.`
  }
  switch (sender) {
    case 'amazon_ses':
      return `SES is the cheapest per message, but bounce handling, suppression lists and monitoring are yours to wire up; away from a cloud provider account, ${SENDER_NAMES[chosen]} has already done that work.`
    case 'resend':
      return chosen === 'amazon_ses'
        ? 'Resend is pleasant to use from TypeScript, but on a cloud provider SES is already in reach and costs less per message.'
        : `Resend's edge is React Email templates beside a TypeScript codebase; your team writes ${LANGUAGE_NAMES[a.team.languages[0]]}, so Postmark's focus on transactional delivery counts for more.`
    case 'postmark':
      return chosen === 'amazon_ses'
        ? 'Postmark is excellent at transactional delivery, but on a cloud provider SES is already in reach at a fraction of the price per message.'
        : 'Postmark is just as safe a sender; Resend wins for a TypeScript team because templates live as components beside your code.'
  }
}

export const email: AreaRules = {
  area: 'email',
  decide(a) {
    const chosen = pickSender(a)
    const alternatives: Alternative[] = SENDERS.filter((s) => s !== chosen).map((s) => ({
      id: s,
      name: SENDER_NAMES[s],
      whyNot: whyNot(s, chosen, a),
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
      because: reasons(a, chosen),
      alternatives,
      revisitWhen: [],
      guide: 'default-stack',
    }
  },
  triggers: [],
}
