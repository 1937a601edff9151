import type { Kysely } from 'kysely'
import type { Db } from '#db/client.server.ts'
import type { Database } from '#db/schema.ts'

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is
 * one, so a use case can be composed with another write (an idempotency key).
 */
export function inTransaction<T>(db: Db, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.db.isTransaction) return work(db.db)
  return db.db.transaction().execute(work)
}

/** The same database seen through an open transaction, for calling another use case inside it. */
export function withinTransaction(db: Db, trx: Kysely<Database>): Db {
  return { ...db, db: trx }
}
