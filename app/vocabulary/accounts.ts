/**
 * How long a browser keeps an anonymous identity: its session lasts this many
 * days after the last visit. The banner on every page says so, and the
 * server's session settings use the same number.
 */
export const ANONYMOUS_SESSION_DAYS = 30

/** What a member may be in a workspace, strongest first (the database keeps the same four). */
export type Role = 'owner' | 'admin' | 'editor' | 'viewer'
