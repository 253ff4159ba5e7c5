import type { User } from '../../shared/auth/schema'
import type { DbOrTx } from '../storage/database'
import { newId } from '../storage/ids'
import type { UserRow } from './tables'

export const findUserByEmail = (db: DbOrTx, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()

export async function insertUser(
  db: DbOrTx,
  input: { email: string; name: string; passwordHash: string },
): Promise<UserRow> {
  const row: UserRow = {
    id: newId(),
    email: input.email,
    name: input.name,
    password_hash: input.passwordHash,
    created_at: Date.now(),
  }
  await db.insertInto('users').values(row).execute()
  return row
}

/** What leaves the server about a user: never the password hash. */
export const presentUser = (u: UserRow): User => ({ id: u.id, name: u.name, email: u.email })
