/**
 * What the pages' lists show of a brief, a revision, an access token and a
 * brief that needs a look: the fields each component reads, which the
 * services' summaries carry. Components declare what they render instead of
 * importing the services that fill it.
 */

export interface BriefRow {
  id: string
  title: string
  headRevision: number
  updatedAt: string
}

export interface RevisionRow {
  number: number
  title: string
  createdAt: string
  engineVersion: string
  catalogVersion: string
}

export interface TokenRow {
  id: string
  name: string
  /** The first characters of the token, enough to tell it apart. */
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface AttentionRow {
  id: string
  title: string
  /** Ids of the triggers the newest check-in fired. */
  fired: readonly string[]
  overdue: boolean
  reviewBy: string
  latestMeasuredAt: string | null
}
