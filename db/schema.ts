import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/**
 * Table types. Timestamps are ISO-8601 UTC text and JSON is text in both
 * SQLite and PostgreSQL, so one set of queries and migrations serves both.
 */

export interface WorkspacesTable {
  id: string
  name: string
  created_at: string
}

export interface BriefsTable {
  id: string
  workspace_id: string
  title: string
  /** Number of the latest revision; moved in the same transaction that writes it. */
  head_revision: number
  created_at: string
  updated_at: string
  deleted_at: string | null
  /** YYYY-MM-DD chosen by someone; null means 90 days after the latest revision (computed, never stored). */
  review_by: ColumnType<string | null, string | null | undefined, string | null>
  /** Check-ins the brief holds, moved in the transaction that writes one (for the quota). */
  checkin_count: ColumnType<number, number | undefined, number>
}

export interface DraftsTable {
  id: string
  workspace_id: string
  /** Set when the draft edits an existing brief; its next revision is generated from it. */
  brief_id: string | null
  /** Answers as typed so far (partial, unvalidated input), JSON. */
  answers: string
  /** The furthest step saved, for resuming. */
  step: string
  created_at: string
  updated_at: string
  /** Set when the draft was turned into a brief (brief_id, revision 1) or a revision of brief_id; it is no longer a draft then. */
  generated_revision: ColumnType<number | null, number | null | undefined, number | null>
}

export interface RevisionsTable {
  id: string
  brief_id: string
  number: number
  /** Parsed Answers v1, JSON. */
  answers: string
  /** Brief v1, JSON, exactly as the engine returned it. */
  brief: string
  engine_version: string
  catalog_version: string
  created_at: string
  /** The product's name in `answers`, written with the revision so lists need not parse the answers. */
  title: string
  /** The recorded decisions as one line, `area=choice:status` in area order (see choicesLine). */
  choices: ColumnType<string, string | undefined, string>
  /** 1 when `choices` differs from the revision before (always 1 for revision 1), else 0. */
  choices_changed: ColumnType<number, number | undefined, number>
}

export interface IdempotencyKeysTable {
  workspace_id: string
  scope: string
  key: string
  request_hash: string
  status: number
  body: string
  created_at: string
}

export type CheckinSource = 'web' | 'api'

export interface CheckinsTable {
  /** `c_` and 20 characters that sort by the time of writing, so ties on measured_at go to the later write. */
  id: string
  brief_id: string
  /** The day the figures were measured, YYYY-MM-DD. */
  measured_at: string
  /** The figures of a parsed check-in (Signals without measuredAt), each in its canonical unit, JSON. */
  figures: string
  source: CheckinSource
  created_at: string
}

export interface BriefTokensTable {
  id: string
  brief_id: string
  name: string
  /** The first 8 characters of the token, to tell tokens apart in a list. */
  prefix: string
  /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
  hash: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

export interface ShareLinksTable {
  id: string
  brief_id: string
  /** The revision the link shows; null follows the latest. */
  revision: number | null
  name: string
  /** The first 8 characters of the link's token, to tell links apart in a list. */
  prefix: string
  /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
  hash: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_opened_at: string | null
}

export interface JobsTable {
  /** A recurring job's id is its kind; a one-off job's is `j_` and random characters. */
  id: string
  kind: string
  /** JSON. */
  payload: string
  /** Seconds between runs of a recurring job; null for a one-off job. */
  every_seconds: number | null
  /** When the job is next due, ISO-8601 UTC. */
  run_at: string
  /** Claims since the last success; a claim counts, so a runner that died mid-run counts too. */
  attempts: ColumnType<number, number | undefined, number>
  /** The runner holding the lease, and until when; a lease past its time may be taken by another. */
  locked_by: string | null
  locked_until: string | null
  last_error: string | null
  last_run_at: string | null
  /** Set when a one-off job has used every attempt; it is not claimed again. */
  failed_at: string | null
  created_at: string
}

export interface RateLimitsTable {
  /** The limit's name and the client's key, such as `token-create:203.0.113.7`. */
  bucket: string
  /** Start of the current fixed window, milliseconds since 1970 (PostgreSQL hands bigint back as text). */
  window_start: ColumnType<number | string, number, number>
  hits: number
}

export interface BriefNotesTable {
  id: string
  brief_id: string
  workspace_id: string
  section: string
  body: string
  from_revision: number
  until_revision: number | null
  created_at: string
}

/** The roles of a workspace member, strongest first. */
export type Role = 'owner' | 'admin' | 'editor' | 'viewer'

export interface WorkspaceMembersTable {
  workspace_id: string
  user_id: string
  role: Role
  created_at: string
  /** When the member last chose this workspace to work in; null when never chosen. */
  chosen_at: string | null
}

export interface WorkspaceInvitationsTable {
  id: string
  workspace_id: string
  /** Lowercased: the account that accepts must have this address. */
  email: string
  role: Exclude<Role, 'owner'>
  prefix: string
  /** SHA-256 of the invitation's token, hex; the link is shown once and logged, never stored. */
  hash: string
  invited_by: string
  created_at: string
  expires_at: string
  accepted_at: string | null
  accepted_by: string | null
  revoked_at: string | null
}

export interface ApiKeysTable {
  id: string
  user_id: string
  workspace_id: string
  name: string
  /** sha256 of the key, hex; the key itself is shown once. */
  hash: string
  /** The key's last four characters, to tell keys apart on the settings page. */
  hint: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

/** The columns of the authentication library's user table that the app reads. */
export interface AuthUserTable {
  id: string
  name: string
  email: string
  isAnonymous: number | boolean | null
}

export interface BriefExportOptionsTable {
  brief_id: string
  workspace_id: string
  page_size: 'a4' | 'letter'
  prepared_by: string | null
  prepared_for: string | null
  updated_at: string
}

export interface Database {
  workspaces: WorkspacesTable
  briefs: BriefsTable
  drafts: DraftsTable
  revisions: RevisionsTable
  idempotency_keys: IdempotencyKeysTable
  checkins: CheckinsTable
  brief_tokens: BriefTokensTable
  jobs: JobsTable
  rate_limits: RateLimitsTable
  brief_export_options: BriefExportOptionsTable
  brief_notes: BriefNotesTable
  workspace_members: WorkspaceMembersTable
  api_keys: ApiKeysTable
  auth_user: AuthUserTable
  share_links: ShareLinksTable
  workspace_invitations: WorkspaceInvitationsTable
}

export type WorkspaceRow = Selectable<WorkspacesTable>
export type BriefRow = Selectable<BriefsTable>
export type DraftRow = Selectable<DraftsTable>
export type RevisionRow = Selectable<RevisionsTable>
export type NewRevision = Insertable<RevisionsTable>
export type CheckinRow = Selectable<CheckinsTable>
export type BriefTokenRow = Selectable<BriefTokensTable>
export type JobRow = Selectable<JobsTable>
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>
export type BriefNoteRow = Selectable<BriefNotesTable>
// Generated is re-exported for later tables with database-made columns.
export type { Generated }
