import type { Migration } from 'kysely'
import * as initial from './0001-initial.ts'
import * as checkinsAndTokens from './0002-checkins-and-tokens.ts'
import * as attentionIndexes from './0003-attention-indexes.ts'
import * as jobsAndDeletion from './0004-jobs-and-deletion.ts'
import * as limits from './0005-limits.ts'
import * as rateLimits from './0006-rate-limits.ts'
import * as exportOptions from './0007-export-options.ts'
import * as notes from './0008-notes.ts'
import * as accounts from './0009-accounts.ts'
import * as revisionTitlesAndDraftOutcomes from './0010-revision-titles-and-draft-outcomes.ts'
import * as sharingAndMembers from './0011-sharing-and-members.ts'

/**
 * Every migration, in order. Listed statically (not read from the folder) so
 * the same list works from source, from the server build and from the CLI.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-checkins-and-tokens': checkinsAndTokens,
  '0003-attention-indexes': attentionIndexes,
  '0004-jobs-and-deletion': jobsAndDeletion,
  '0005-limits': limits,
  '0006-rate-limits': rateLimits,
  '0007-export-options': exportOptions,
  '0008-notes': notes,
  '0009-accounts': accounts,
  '0010-revision-titles-and-draft-outcomes': revisionTitlesAndDraftOutcomes,
  '0011-sharing-and-members': sharingAndMembers,
}
