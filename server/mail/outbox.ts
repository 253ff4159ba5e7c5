import { EventEmitter } from 'node:events'
import type { DbOrTx } from '../storage/database'
import { newId } from '../storage/ids'
import type { RenderedMail } from './templates'

/** This process queued mail: its worker looks soon instead of at the next poll. */
export const mailQueued = new EventEmitter()

export interface OutgoingMail extends RenderedMail {
  to: string
  kind: string
  workspaceId?: string | null
  headers?: Record<string, string>
}

/**
 * Queue a mail: one insert, inside the caller's transaction when given one, so the mail exists exactly
 * when what it tells about was committed. The worker sends it later; nothing here talks to SMTP.
 */
export async function enqueueMail(db: DbOrTx, mail: OutgoingMail, now = Date.now()): Promise<string> {
  const id = newId()
  await db
    .insertInto('mail_outbox')
    .values({
      id,
      workspace_id: mail.workspaceId ?? null,
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      created_at: now,
      attempts: 0,
      next_attempt_at: now,
      claimed_until: null,
      sent_at: null,
      delivered_via: null,
      last_error: null,
    })
    .execute()
  mailQueued.emit('queued')
  return id
}
