import type { CheckinFormState } from '#app/components/revisit/checkin-form.tsx'
import { SIGNAL_FIELD_VIEWS } from '#app/components/revisit/signal-fields.ts'
import { SIGNAL_FIELDS, type SignalField, type Signals, SignalsSchema } from '#app/engine/signals.ts'
import { describeValue, type Problem, parseWithProblems } from '#app/lib/problems.ts'

/**
 * The check-in form, read on the server: every figure optional, at least one
 * required, each in the unit printed beside its input. What was typed comes
 * back as typed when something is wrong, with a message naming the field.
 */

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

export const MEASURED_AT_LABEL = 'Measured on'

export function fieldLabel(field: string): string {
  if (field === 'measuredAt') return MEASURED_AT_LABEL
  return SIGNAL_FIELD_VIEWS[field as SignalField]?.label ?? field
}

export function parseCheckinForm(
  form: FormData,
): { ok: true; signals: Signals; values: Record<string, string> } | { ok: false; state: CheckinFormState } {
  const values: Record<string, string> = {}
  const errors: Record<string, string> = {}
  const read = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value.trim() : ''
  }
  values.measuredAt = read('measuredAt')
  const input: Record<string, unknown> = { measuredAt: values.measuredAt }
  let typed = 0
  for (const field of SIGNAL_FIELDS) {
    const raw = read(field)
    values[field] = raw
    if (raw === '') continue
    typed++
    // Thousands separators and spaces are how people write large figures; they carry no meaning here.
    const plain = raw.replace(/[,\s_]/g, '')
    if (NUMBER.test(plain)) input[field] = Number(plain)
    else
      errors[field] =
        `${fieldLabel(field)}: expected a number in ${SIGNAL_FIELD_VIEWS[field].unitText}, got ${describeValue(raw)}`
  }
  if (values.measuredAt === '') {
    errors.measuredAt = `${MEASURED_AT_LABEL}: expected a date as YYYY-MM-DD, got nothing`
  }
  let formError: string | null = null
  if (typed === 0) {
    formError = 'Enter at least one figure. Every figure is optional, but a check-in needs one to say anything.'
  }
  const parsed = parseWithProblems(SignalsSchema, input)
  if (!parsed.success) {
    for (const p of parsed.problems) {
      const field = fieldOf(p)
      if (field === null) continue
      errors[field] ??= `${fieldLabel(field)}: ${p.message}`
    }
  }
  if (Object.keys(errors).length > 0 || formError !== null || !parsed.success) {
    return { ok: false, state: { values, errors, formError } }
  }
  return { ok: true, signals: parsed.data, values }
}

/** The form field a problem is about; null for the check-in as a whole ("at least one figure"), said by formError. */
export function fieldOf(p: Pick<Problem, 'path'>): string | null {
  const head = /^[A-Za-z]+/.exec(p.path)?.[0]
  if (head === 'measuredAt') return head
  return head && (SIGNAL_FIELDS as readonly string[]).includes(head) ? head : null
}

/** Problems the service found (a date too far ahead) as form errors. */
export function problemsAsErrors(problems: readonly Problem[]): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const p of problems) {
    const field = fieldOf(p) ?? 'measuredAt'
    errors[field] ??= `${fieldLabel(field)}: ${p.message}`
  }
  return errors
}
