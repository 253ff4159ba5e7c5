import type { Selectable } from 'kysely'

export interface UsersTable {
  id: string
  /** Lower-cased; unique. */
  email: string
  name: string
  password_hash: string
  created_at: number
}

/** A session row holds only the SHA-256 of the token the browser carries (Lucia guide). */
export interface SessionsTable {
  id: string
  user_id: string
  expires_at: number
  created_at: number
}

/** Failed sign-ins per key (`email:…` or `ip:…`), shared by every server process through the database. */
export interface LoginThrottleTable {
  key: string
  failures: number
  last_failure_at: number
  locked_until: number
}

export type UserRow = Selectable<UsersTable>
export type SessionRow = Selectable<SessionsTable>
