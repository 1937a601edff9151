import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type pino from 'pino'
import type { Db } from '#db/client.server.ts'

/**
 * The key sessions are signed with: BETTER_AUTH_SECRET, or one generated on
 * the first start and kept beside the SQLite file (./data with PostgreSQL),
 * so `npm start` needs no setting and sessions survive a restart. Several
 * instances on one PostgreSQL must share BETTER_AUTH_SECRET.
 */

export const SECRET_FILE_NAME = 'auth-secret'

export function authSecret(env: string | undefined, db: Db, logger: pino.Logger, attempt = 0): string {
  if (env) return env
  const folder = db.dialect === 'sqlite' && db.location !== ':memory:' ? dirname(db.location) : resolve('data')
  const file = join(folder, SECRET_FILE_NAME)
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (kept.length >= 32) {
      logger.info({ file }, 'BETTER_AUTH_SECRET is unset: signing sessions with the secret kept in the data folder')
      return kept
    }
    // Another instance may be writing it this instant; a file that stays short is a mistake to fix by hand.
    if (attempt >= 3) {
      throw new Error(`${file} holds no usable secret (32 characters at least): delete it or set BETTER_AUTH_SECRET`)
    }
  }
  const secret = randomBytes(32).toString('base64url')
  mkdirSync(folder, { recursive: true })
  try {
    // Exclusive create: of two instances starting at once on one folder, one writes and both use its secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return authSecret(env, db, logger, attempt + 1)
  }
  chmodSync(file, 0o600)
  logger.info(
    { file },
    'BETTER_AUTH_SECRET is unset: generated a secret and kept it in the data folder (set BETTER_AUTH_SECRET when several instances share a database)',
  )
  return secret
}
