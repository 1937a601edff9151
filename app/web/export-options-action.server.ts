import type { AppLoadContext } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { EXPORT_OPTIONS_INTENT, type ExportOptionsForm } from '#app/components/saved-brief/export-options-form.tsx'
import { ExportOptionsSchema, saveExportOptions } from '#app/services/export-options.server.ts'
import { noBriefMessage } from '#app/services/support/errors.server.ts'
import { getDb } from '#db/client.server.ts'
import { readForm } from './form-body.server.ts'
import { briefNotFound, workspaceFor } from './request.server.ts'

const FIELDS = ['pageSize', 'preparedBy', 'preparedFor'] as const

/**
 * The brief page's export options form: saved for the brief and back to the
 * page, or a 400 with a message at each field and what was typed kept.
 */
export async function exportOptionsAction(
  request: Request,
  context: AppLoadContext | undefined,
  briefId: string | undefined,
  form: FormData,
) {
  const id = briefId ?? ''
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '').slice(0, 1000)])) as Record<
    (typeof FIELDS)[number],
    string
  >
  const parsed = ExportOptionsSchema.safeParse(values)
  if (!parsed.success) {
    const errors: ExportOptionsForm['errors'] = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as (typeof FIELDS)[number]
      errors[field] ??= issue.message
    }
    return data({ exportOptions: { values, errors } satisfies ExportOptionsForm }, { status: 400 })
  }
  const db = await getDb()
  const saved = await saveExportOptions(db, {
    workspaceId: await workspaceFor(context, 'brief:revise'),
    briefId: id,
    options: parsed.data,
  })
  if (!saved) throw briefNotFound(id)
  return redirect(`${new URL(request.url).pathname}?saved=${EXPORT_OPTIONS_INTENT}#export-options`)
}

/** The intent of a posted form, read from a copy so the handler it goes to can still read the body. */
export async function formIntent(request: Request): Promise<{ intent: string; form: FormData }> {
  const form = await readForm(request.clone())
  return { intent: String(form.get('intent') ?? ''), form }
}
