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
