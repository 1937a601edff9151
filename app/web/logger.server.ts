import pino, { type Logger } from 'pino'

/** The one structured logger: JSON lines on stdout, level from LOG_LEVEL. */
export function createLogger(): Logger {
  return pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'stackbrief' } })
}

export type { Logger }
