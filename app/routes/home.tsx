import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SavedBriefs } from '#app/components/saved-brief/saved-briefs.tsx'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { listExampleCards } from '#app/services/examples.server.ts'
import { listGuides } from '#app/services/guides.server.ts'
import { SHAPE_LABELS } from '#app/vocabulary/answer-labels.ts'
import { formatNumber, formatUsdRange } from '#app/vocabulary/format.ts'
import { loadSavedBriefs } from '#app/web/brief-page.server.ts'

export const meta: MetaFunction = () => [
  { title: 'stackbrief: an architecture plan your small team can defend' },
  {
    name: 'description',
    content:
      'Answer a short questionnaire and get a concrete stack with the reason for every choice, 12-month cost bands, risks, and the measurable triggers that say when to revisit it.',
  },
]

const HOME_URL = 'http://localhost/'

export async function loader(
  { request, context }: Pick<LoaderFunctionArgs, 'request' | 'context'> = {
    request: new Request(HOME_URL),
    context: {},
  },
) {
  return { examples: listExampleCards(), guides: listGuides(), saved: await loadSavedBriefs(request, context) }
}

const STEPS = [
  {
    title: 'Describe what you are building',
    text: 'Product shape, team, expected users and load, the kinds of data you keep, compliance and budget. Numbers where numbers matter, defaults where they do not.',
  },
  {
    title: 'Read a brief you can act on',
    text: 'Every decision names the answers that drove it and the alternatives it beat. Costs come as three bands for twelve months, with the prices and dates behind them.',
  },
  {
    title: 'Revisit when a trigger fires',
    text: 'Each deferred choice waits on a measurable condition, such as jobs running past 30 seconds. Measure, compare, and change the stack only when the numbers say so.',
  },
]

export default function Home() {
  const { examples, guides, saved } = useLoaderData<typeof loader>()
  return (
    <SiteLayout wide>
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">Architecture Decision Briefs for first products</p>
        <h1 id="hero-title">A concrete stack for a small team, with the reasons and the costs written down</h1>
        <p className="lede">
          stackbrief turns a short questionnaire into a plan you can build from on Monday: a named choice for every part
          of the stack and why it fits you, what it will cost each month for a year, the risks to manage, and the
          triggers that tell you when a decision is due for another look.
        </p>
        <p className="hero__actions">
          <Link className="button button--large" to="/new">
            Start a brief
          </Link>
          <a className="button button--quiet" href="#examples">
            See example briefs
          </a>
          <Link className="button button--quiet" to="/guides" prefetch="intent">
            Read the playbook
          </Link>
        </p>
      </section>

      <SavedBriefs saved={saved} />

      <section className="steps-section" aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <ol className="how-steps">
          {STEPS.map((step, i) => (
            <li key={step.title}>
              <span className="how-steps__number" aria-hidden="true">
                {i + 1}
              </span>
              <h3>{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section id="examples" aria-labelledby="examples-title">
        <h2 id="examples-title">Example briefs</h2>
        <p className="section-intro">
          Different products, different answers, different plans. Open one to see every section of a brief.
        </p>
        <ul className="example-cards">
          {examples.map((example) => (
            <li key={example.name} className="example-card">
              <h3>
                <Link to={`/examples/${example.name}`} prefetch="intent">
                  {example.product}
                </Link>
              </h3>
              <p className="example-card__shape">{SHAPE_LABELS[example.shape]}</p>
              {example.description ? <p className="example-card__description">{example.description}</p> : null}
              <dl className="example-card__facts">
                <div>
                  <dt>Team</dt>
                  <dd>
                    {example.engineers === example.engineersIn12Months
                      ? `${formatNumber(example.engineers)} engineers`
                      : `${formatNumber(example.engineers)} → ${formatNumber(example.engineersIn12Months)} engineers`}
                  </dd>
                </div>
                <div>
                  <dt>Users at 12 months</dt>
                  <dd>{formatNumber(example.activeUsersIn12Months)}</dd>
                </div>
                <div>
                  <dt>Month-12 cost</dt>
                  <dd>{formatUsdRange(example.monthTwelveCents.lean, example.monthTwelveCents.scaled)}/mo</dd>
                </div>
              </dl>
              <p className="example-card__link" aria-hidden="true">
                Read the brief →
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="guides-title">
        <h2 id="guides-title">The playbook</h2>
        <p className="section-intro">
          Short guides behind the rules: why the defaults are what they are, and what to measure before changing them.
        </p>
        {guides.length === 0 ? (
          <p>The guides are on their way.</p>
        ) : (
          <ul className="guide-cards">
            {guides.map((guide) => (
              <li key={guide.slug}>
                <Link to={`/guides/${guide.slug}`} prefetch="intent">
                  {guide.title}
                </Link>
                <p>{guide.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </SiteLayout>
  )
}
