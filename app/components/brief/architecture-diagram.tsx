import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { type PictureNode, pictureOf } from '#app/engine/picture.ts'
import { ANSWER_LABELS } from '#app/vocabulary/answer-labels.ts'
import { BriefSection } from './section.tsx'

/** The plan as boxes: who calls it, what runs and is stored in each region, what is bought as a service. */
export function ArchitectureDiagram({ brief, answers }: { brief: Brief; answers: Answers }) {
  const picture = pictureOf(brief)
  const api = brief.decisions.find((d) => d.area === 'api')
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
          <span>{api && api.choice.id !== 'none' ? api.choice.name : 'HTTPS'}</span>
        </div>
        {picture.regions.map((region) => (
          <div key={region.region} className="arch__deploy">
            <span className="arch__label">
              {picture.regions.length > 1 ? `Deploy in ${region.label}` : `One deploy, ${region.label}`}
            </span>
            <ul className="arch__boxes">
              {region.deploy.map((n) => (
                <Box key={n.key} node={n} />
              ))}
            </ul>
            <ul className="arch__boxes arch__boxes--data">
              {region.data.map((n) => (
                <Box key={n.key} node={n} data />
              ))}
            </ul>
          </div>
        ))}
        {picture.services.length > 0 ? (
          <>
            <div className="arch__arrow arch__arrow--side" aria-hidden="true">
              <span>calls</span>
            </div>
            <div className="arch__row arch__services">
              <span className="arch__label">Services, not built in-house</span>
              <ul className="arch__boxes">
                {picture.services.map((n) => (
                  <Box key={n.key} node={n} />
                ))}
              </ul>
            </div>
          </>
        ) : null}
        <figcaption id="arch-caption">
          Every component of the plan with its moderate-band size. Dashed boxes join the plan in a later month, when
          their trigger fires.
        </figcaption>
      </figure>
    </BriefSection>
  )
}

function Box({ node, data = false }: { node: PictureNode; data?: boolean }) {
  const later = node.fromMonth > 1
  return (
    <li className={['arch__box', data ? 'arch__box--data' : '', later ? 'is-deferred' : ''].join(' ').trim()}>
      <span className="arch__area">{node.title}</span>
      <a className="arch__choice" href={`#decision-${node.area}`}>
        {node.name}
      </a>
      <ul className="arch__chips">
        <li>{node.size}</li>
      </ul>
      {later ? <span className="arch__note">From month {node.fromMonth}</span> : null}
    </li>
  )
}
