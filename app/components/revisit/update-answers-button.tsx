import { Form, useNavigation } from '@remix-run/react'

export function updateAnswersPath(briefId: string, checkinId: string): string {
  return `/briefs/${encodeURIComponent(briefId)}/signals/${encodeURIComponent(checkinId)}/update`
}

/** Opens a draft of the latest answers with this check-in's figures in place, at the review step. */
export function UpdateAnswersButton({
  briefId,
  checkinId,
  quiet = false,
  label = 'Update the answers from these figures',
  suffix,
}: {
  briefId: string
  checkinId: string
  quiet?: boolean
  label?: string
  /** Words only a screen reader hears, to tell one row's button from the next. */
  suffix?: string
}) {
  const action = updateAnswersPath(briefId, checkinId)
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formAction === action
  return (
    <Form method="post" action={action} className="inline-form">
      <button type="submit" className={quiet ? 'button button--quiet' : 'button'} disabled={busy}>
        {busy ? 'Opening…' : label}
        {suffix && !busy ? <span className="visually-hidden"> {suffix}</span> : null}
      </button>
    </Form>
  )
}
