/**
 * How long a browser keeps an anonymous identity: its session lasts this many
 * days after the last visit. The banner on every page says so, and the
 * server's session settings use the same number.
 */
export const ANONYMOUS_SESSION_DAYS = 30
