import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type pino from 'pino'
import type { Db } from '../db/client.server'

/**
 * The key sessions are signed with: BETTER_AUTH_SECRET, or one generated on
 * the first start and kept beside the SQLite file (./data with PostgreSQL),
 * so `npm start` needs no setting and sessions survive a restart. Several
 * instances on one PostgreSQL must share BETTER_AUTH_SECRET.
 */

export const SECRET_FILE_NAME = 'auth-secret'

export function authSecret(env: string | undefined, db: Db, logger: pino.Logger): string {
  if (env) return env
  const folder = db.dialect === 'sqlite' && db.location !== ':memory:' ? dirname(db.location) : resolve('data')
  const file = join(folder, SECRET_FILE_NAME)
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (kept.length >= 32) {
      logger.info({ file }, 'BETTER_AUTH_SECRET is unset: signing sessions with the secret kept in the data folder')
      return kept
    }
  }
  const secret = randomBytes(32).toString('base64url')
  mkdirSync(folder, { recursive: true })
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  logger.info(
    { file },
    'BETTER_AUTH_SECRET is unset: generated a secret and kept it in the data folder (set BETTER_AUTH_SECRET when several instances share a database)',
  )
  return secret
}
