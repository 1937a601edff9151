import { Link, useLocation } from '@remix-run/react'
import { type ReactNode, useEffect, useRef } from 'react'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { isOptionalSection, STEP_INFO, STEPS, type Step } from '#app/questionnaire/steps.ts'
import { Progress } from './progress.tsx'

let navigatedInBrowser = false

/** The frame around every step: where you are, the step's heading and what it is for. */
export function WizardPage({
  draftId,
  step,
  completed,
  revising,
  children,
}: {
  draftId: string
  step: Step
  completed: readonly Step[]
  /** Set when the draft revises a saved brief. */
  revising: { briefId: string; title: string } | null
  children: ReactNode
}) {
  const info = STEP_INFO[step]
  const heading = useRef<HTMLHeadingElement>(null)
  const location = useLocation()

  // A step reached in the browser (not by a full page load) puts focus on its heading, so the new
  // step is announced; unless something on the page, such as the first wrong answer, already has it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per visited location
  useEffect(() => {
    const documentLoad = !navigatedInBrowser
    navigatedInBrowser = true
    // A link to one question (from the review) puts the cursor in it.
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null
    if (target) {
      const control = target.matches('input, textarea, select')
        ? target
        : target.querySelector('input, textarea, select')
      ;(control as HTMLElement | null)?.focus()
      return
    }
    if (documentLoad) return
    const active = document.activeElement
    if (!active || active === document.body) heading.current?.focus()
  }, [location.key])

  return (
    <SiteLayout>
      <div className="wizard">
        <p className="eyebrow">
          {revising ? (
            <>
              Revising <Link to={`/briefs/${revising.briefId}`}>{revising.title}</Link>
            </>
          ) : (
            'New brief'
          )}
        </p>
        <Progress draftId={draftId} current={step} completed={completed} />
        <h1 ref={heading} tabIndex={-1} className="wizard__title">
          <span className="visually-hidden">
            {isOptionalSection(step) ? 'Optional step: ' : `Step ${STEPS.indexOf(step) + 1} of ${STEPS.length}: `}
          </span>
          {info.title}
        </h1>
        <p className="lede wizard__intro">
          {info.intro}
          {info.guide ? (
            <>
              {' '}
              <a href={`/guides/${info.guide}`} target="_blank" rel="noopener">
                Read the guide<span className="visually-hidden"> (opens in a new tab)</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            </>
          ) : null}
        </p>
        {children}
        <p className="wizard__saved note">
          Each step is saved when you continue. This address brings you back to this draft.
        </p>
      </div>
    </SiteLayout>
  )
}
