import type { Kysely } from 'kysely'

// Frozen once shipped: add a new migration instead. Outgoing mail and password resets (issue 17).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration also updates rows, of tables the schema types do not know at this point
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The workspace a mail is about (invites, notifications), so its owners and admins can see it; null for resets.
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    // Extra headers as JSON (List-Unsubscribe and friends).
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    // A worker holds a claimed row until then; a worker that died lets it go by itself.
    .addColumn('claimed_until', 'bigint')
    .addColumn('sent_at', 'bigint')
    // 'smtp' or 'log' (no SMTP_URL set).
    .addColumn('delivered_via', 'text')
    .addColumn('last_error', 'text')
    .execute()
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['sent_at', 'next_attempt_at']).execute()
  await db.schema
    .createIndex('mail_outbox_workspace')
    .on('mail_outbox')
    .columns(['workspace_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('password_resets')
    // SHA-256 of the token in the link; the token itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute()
  // Mail about in-app notifications: each person's choice, and the key that signs their unsubscribe link.
  await db.schema
    .createTable('mail_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email_notifications', 'text', (c) => c.notNull().defaultTo('instant'))
    .addColumn('unsubscribe_key', 'text', (c) => c.notNull())
    .addColumn('last_digest_at', 'bigint')
    .execute()
  // null: not looked at by the notification mailer yet; then sent, skipped, digest (waiting) or digested.
  await db.schema.alterTable('notifications').addColumn('mail_state', 'text').execute()
  // What was in inboxes before mail existed is not mailed now.
  await db.updateTable('notifications').set({ mail_state: 'skipped' }).execute()
  await db.schema
    .createIndex('notifications_mail_state')
    .on('notifications')
    .columns(['mail_state', 'created_at'])
    .execute()
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notifications_mail_state').execute()
  await db.schema.alterTable('notifications').dropColumn('mail_state').execute()
  await db.schema.dropTable('mail_preferences').execute()
  await db.schema.dropTable('password_resets').execute()
  await db.schema.dropTable('mail_outbox').execute()
}
