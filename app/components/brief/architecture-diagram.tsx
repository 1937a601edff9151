import type { Answers } from '~/engine/answers'
import type { Area, Brief, Decision } from '~/engine/brief'
import { ANSWER_LABELS, AREA_LABELS } from './answer-labels'
import { BriefSection } from './section'

const DATA_EXTENSIONS: readonly Area[] = ['timeseries_store', 'vector_store', 'document_store', 'search']
const HOSTED_SERVICES: readonly Area[] = ['auth', 'payments', 'email', 'observability', 'analytics']

/** The recommended stack as boxes: who calls it, what runs in the deploy, what is bought as a service. */
export function ArchitectureDiagram({ brief, answers }: { brief: Brief; answers: Answers }) {
  const byArea = new Map(brief.decisions.map((d) => [d.area, d]))
  const get = (area: Area) => {
    const d = byArea.get(area)
    return d && d.choice.id !== 'none' ? d : undefined
  }
  const app = get('framework')
  const jobs = get('jobs')
  const worker = jobs && jobs.choice.id !== 'inline' ? jobs : undefined
  const database = get('database')
  const extensions = DATA_EXTENSIONS.map(get).filter((d): d is Decision => d !== undefined)
  const files = get('file_storage')
  const cache = get('cache')
  const services = HOSTED_SERVICES.map(get).filter((d): d is Decision => d !== undefined)
  const boundary = [get('hosting')?.choice.name, get('deploy_regions')?.choice.name].filter(Boolean).join(' · ')

  return (
    <BriefSection id="architecture" title="Architecture at a glance">
      <figure className="arch" aria-labelledby="arch-caption">
        <div className="arch__row arch__clients">
          <span className="arch__label">{ANSWER_LABELS['product.clients'].label}</span>
          <ul className="arch__boxes">
            {answers.product.clients.map((client) => (
              <li key={client} className="arch__box arch__box--client">
                {ANSWER_LABELS['product.clients'].format([client])}
              </li>
            ))}
          </ul>
        </div>
        <div className="arch__arrow" aria-hidden="true">
          <span>{get('api')?.choice.name ?? 'HTTPS'}</span>
        </div>
        <div className="arch__deploy">
          <span className="arch__label">One deploy{boundary ? `: ${boundary}` : ''}</span>
          <ul className="arch__boxes">
            {app ? (
              <Box decision={app} extra={[get('architecture_style')?.choice.name, get('tenancy')?.choice.name]} />
            ) : null}
            {worker ? <Box decision={worker} title="Worker" /> : null}
            {cache ? <Box decision={cache} /> : null}
          </ul>
          <ul className="arch__boxes arch__boxes--data">
            {database ? <Box decision={database} extra={extensions.map((e) => e.choice.name)} data /> : null}
            {files ? <Box decision={files} data /> : null}
          </ul>
        </div>
        {services.length > 0 ? (
          <>
            <div className="arch__arrow arch__arrow--side" aria-hidden="true">
              <span>calls</span>
            </div>
            <div className="arch__row arch__services">
              <span className="arch__label">Services, not built in-house</span>
              <ul className="arch__boxes">
                {services.map((d) => (
                  <Box key={d.area} decision={d} />
                ))}
              </ul>
            </div>
          </>
        ) : null}
        <figcaption id="arch-caption">
          The recommended stack drawn from the decisions below. Dashed boxes are deferred until their trigger holds.
        </figcaption>
      </figure>
    </BriefSection>
  )
}

function Box({
  decision,
  title,
  extra = [],
  data = false,
}: {
  decision: Decision
  title?: string
  extra?: readonly (string | undefined)[]
  data?: boolean
}) {
  const deferred = decision.status === 'defer'
  const notes = extra.filter((e): e is string => Boolean(e))
  return (
    <li className={['arch__box', data ? 'arch__box--data' : '', deferred ? 'is-deferred' : ''].join(' ').trim()}>
      <span className="arch__area">{title ?? AREA_LABELS[decision.area]}</span>
      <a className="arch__choice" href={`#decision-${decision.area}`}>
        {decision.choice.name}
      </a>
      {deferred ? <span className="arch__note">Deferred</span> : null}
      {notes.length > 0 ? (
        <ul className="arch__chips">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}
