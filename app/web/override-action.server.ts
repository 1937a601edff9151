import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import {
  OVERRIDE_FIELDS,
  type OverrideField,
  type OverrideFormState,
  type OverridePanel,
} from '#app/components/saved-brief/override-form.tsx'
import { OverridesSchema } from '#app/engine/answers.ts'
import { AREAS, type Area, type Brief } from '#app/engine/brief.ts'
import { CHOICE_IDS } from '#app/engine/choice-ids.ts'
import { choiceName } from '#app/engine/overrides.ts'
import { problemsFromError } from '#app/lib/problems.ts'
import { overrideDecision } from '#app/services/overrides.server.ts'
import { noBriefMessage } from '#app/services/support/errors.server.ts'
import { getDb } from '#db/client.server.ts'
import { loadRevision } from './brief-page.server.ts'
import { briefNotFound, workspaceFor } from './request.server.ts'

/**
 * The brief page's override form: the next revision with the override, and
 * its page; or a 422 with a message at each field and what was typed kept.
 * Needs what "Edit answers" needs: the brief in this workspace.
 */
export async function overrideAction(
  request: Request,
  context: AppLoadContext | undefined,
  params: { id?: string; n?: string },
  form: FormData,
) {
  const { briefId, revision } = await loadRevision(request, context, params.id, params.n, { history: false })
  const values = Object.fromEntries(
    OVERRIDE_FIELDS.map((f) => [f, String(form.get(f) ?? '').slice(0, 2000)]),
  ) as Record<OverrideField, string>
  const parsed = OverridesSchema.safeParse([values])
  if (!parsed.success) {
    const errors: OverrideFormState['errors'] = {}
    for (const p of problemsFromError(parsed.error, { input: [values], schema: OverridesSchema })) {
      const field = (/^\[0\]\.(\w+)/.exec(p.path)?.[1] ?? 'area') as OverrideField
      errors[field] ??= fieldMessage(field, p.message)
    }
    return data({ override: { values, errors } satisfies OverrideFormState }, { status: 422 })
  }
  const next = await overrideDecision(await getDb(), {
    workspaceId: await workspaceFor(context, 'brief:revise'),
    briefId,
    answers: revision.answers,
    override: parsed.data[0],
  })
  if (!next) throw briefNotFound(briefId)
  return redirect(`/briefs/${briefId}/revisions/${next.number}#decision-${parsed.data[0].area}`)
}

function fieldMessage(field: OverrideField, message: string): string {
  if (field === 'choice' && message.includes('got ""')) return 'Choose one of the options.'
  if (field === 'reason' && message.startsWith('expected non-empty')) return 'Say why, in up to 1,000 characters.'
  if (field === 'by' && message.startsWith('expected non-empty')) return 'Give the name of the person who decides.'
  return `Expected ${message.replace(/^expected /, '')}`
}

/** The override form for `?override=<area>`, or null when the address asks for none (or an unknown area). */
export function overridePanel(request: Request, brief: Brief): OverridePanel | null {
  const area = new URL(request.url).searchParams.get('override') as Area | null
  if (!area || !AREAS.includes(area)) return null
  const d = brief.decisions.find((x) => x.area === area)
  if (!d) return null
  return {
    area,
    title: d.title,
    current: { id: d.choice.id, name: d.choice.name },
    choices: CHOICE_IDS[area].map((id) => ({ id, name: choiceName(d, id) })),
  }
}
