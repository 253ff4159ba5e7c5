import type { Selectable } from 'kysely'

/** A mail waiting to be sent, or sent: the worker sends what is due; owners and admins read it back. */
export interface MailOutboxTable {
  id: string
  workspace_id: string | null
  kind: string
  to_address: string
  subject: string
  text_body: string
  html_body: string
  /** JSON object of extra headers. */
  headers: string
  created_at: number
  attempts: number
  next_attempt_at: number
  claimed_until: number | null
  sent_at: number | null
  delivered_via: 'smtp' | 'log' | null
  last_error: string | null
}

export type MailOutboxRow = Selectable<MailOutboxTable>

export type EmailNotifications = 'instant' | 'daily' | 'off'

/** A person's choice about notification mail; a missing row means the default, instant. */
export interface MailPreferencesTable {
  user_id: string
  email_notifications: EmailNotifications
  /** Signs the unsubscribe link in every notification mail (works without a session). */
  unsubscribe_key: string
  last_digest_at: number | null
}
