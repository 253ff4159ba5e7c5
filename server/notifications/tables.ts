import type { Selectable } from 'kysely'
import type { NotificationKind } from '../../shared/notifications/schema'

/** One item of one person's inbox in one workspace. */
export interface NotificationsTable {
  id: string
  workspace_id: string
  /** Whose inbox. */
  user_id: string
  kind: NotificationKind
  actor_id: string | null
  plan_id: string | null
  section_id: string | null
  thread_id: string | null
  comment_id: string | null
  department_id: string | null
  excerpt: string
  created_at: number
  read_at: number | null
  /** Where mail about it stands (server/mail/notification-mailer.ts); null until the mailer looks. */
  mail_state?: 'sent' | 'skipped' | 'digest' | 'digested' | null
}

export type NotificationRow = Selectable<NotificationsTable>
