import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { randomBytes } from 'node:crypto'
import type { DbOrTx } from '../storage/database'
import type { SessionRow, UserRow } from './tables'

// Sessions as the Lucia guide teaches them: the browser holds a random token, the database only
// its SHA-256, so a leaked database cannot be replayed as cookies.
const DAY = 24 * 60 * 60 * 1000
export const SESSION_TTL_MS = 30 * DAY
/** A session used when less than this remains is extended to the full TTL again (sliding expiry). */
const RENEW_WHEN_LEFT_MS = 15 * DAY

export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(25))
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

export async function createSession(db: DbOrTx, token: string, userId: string, now = Date.now()): Promise<SessionRow> {
  const session: SessionRow = {
    id: hashToken(token),
    user_id: userId,
    expires_at: now + SESSION_TTL_MS,
    created_at: now,
  }
  await db.insertInto('sessions').values(session).execute()
  return session
}

export interface ValidSession {
  session: SessionRow
  user: UserRow
  /** True when the expiry moved and the cookie should be re-sent. */
  renewed: boolean
}

export async function validateSessionToken(db: DbOrTx, token: string, now = Date.now()): Promise<ValidSession | null> {
  const id = hashToken(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
      'users.id',
      'users.email',
      'users.name',
      'users.password_hash',
      'users.created_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  if (now >= row.expires_at) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return null
  }
  const session: SessionRow = { id, user_id: row.id, expires_at: row.expires_at, created_at: row.session_created_at }
  const user: UserRow = {
    id: row.id,
    email: row.email,
    name: row.name,
    password_hash: row.password_hash,
    created_at: row.created_at,
  }
  let renewed = false
  if (row.expires_at - now < RENEW_WHEN_LEFT_MS) {
    session.expires_at = now + SESSION_TTL_MS
    await db.updateTable('sessions').set({ expires_at: session.expires_at }).where('id', '=', id).execute()
    renewed = true
  }
  return { session, user, renewed }
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}
