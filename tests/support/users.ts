import { sql } from 'kysely'
import type { Db } from '#db/client.server.ts'

/** Users as the auth library writes them (its dates and flags as each database keeps them), for service tests. */
export async function insertUsers(db: Db, users: readonly { id: string; name?: string; email?: string }[]) {
  const now = db.dialect === 'postgres' ? new Date() : new Date().toISOString()
  const flag = db.dialect === 'postgres' ? false : 0
  for (const { id, name = id, email = `${id}@example.test` } of users) {
    await sql`insert into auth_user (id, name, email, "emailVerified", "createdAt", "updatedAt")
      values (${id}, ${name}, ${email}, ${flag}, ${now}, ${now})`.execute(db.db)
  }
}
