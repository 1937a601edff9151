import { z } from 'zod'
import type { Db } from '#db/client.server.ts'
import { liveBriefExists } from './support/scope.server.ts'

/**
 * The export options remembered for one brief: paper size, who prepared it
 * and who it is for. The brief page's form saves them; its PDF, Markdown and
 * decision-record links carry them.
 */

export const EXPORT_NAME_MAX_LENGTH = 120
export const PAGE_SIZES = ['a4', 'letter'] as const
export type PageSize = (typeof PAGE_SIZES)[number]

const name = z
  .string()
  .trim()
  .max(EXPORT_NAME_MAX_LENGTH, `At most ${EXPORT_NAME_MAX_LENGTH} characters.`)
  .refine(
    (v) => ![...v].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
    'One line of text, no control characters.',
  )
  .transform((v) => v || undefined)

/** One schema for the form and for the download links' query strings. */
export const ExportOptionsSchema = z.object({
  pageSize: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(PAGE_SIZES, { error: 'Choose A4 or Letter.' })),
  preparedBy: name.optional(),
  preparedFor: name.optional(),
})

export type ExportOptions = { pageSize: PageSize; preparedBy?: string; preparedFor?: string }

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { pageSize: 'a4' }

export async function getExportOptions(
  db: Db,
  input: { workspaceId: string; briefId: string },
): Promise<ExportOptions> {
  const row = await db.db
    .selectFrom('brief_export_options')
    .select(['page_size', 'prepared_by', 'prepared_for'])
    .where('brief_id', '=', input.briefId)
    .where('workspace_id', '=', input.workspaceId)
    .executeTakeFirst()
  if (!row) return DEFAULT_EXPORT_OPTIONS
  return {
    pageSize: row.page_size,
    ...(row.prepared_by ? { preparedBy: row.prepared_by } : {}),
    ...(row.prepared_for ? { preparedFor: row.prepared_for } : {}),
  }
}

/** Saves the options of a brief in this workspace; false when there is no such brief. */
export async function saveExportOptions(
  db: Db,
  input: { workspaceId: string; briefId: string; options: ExportOptions; now?: Date },
): Promise<boolean> {
  if (!(await liveBriefExists(db.db, input))) return false
  const values = {
    page_size: input.options.pageSize,
    prepared_by: input.options.preparedBy ?? null,
    prepared_for: input.options.preparedFor ?? null,
    updated_at: (input.now ?? new Date()).toISOString(),
  }
  await db.db
    .insertInto('brief_export_options')
    .values({ brief_id: input.briefId, workspace_id: input.workspaceId, ...values })
    .onConflict((oc) => oc.column('brief_id').doUpdateSet(values))
    .execute()
  return true
}
