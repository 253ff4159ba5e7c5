import type { Kysely, Transaction } from 'kysely'
import type { ActivityEventsTable } from '../activity/tables'
import type { ApprovalsTable } from '../approvals/tables'
import type { LoginThrottleTable, SessionsTable, UsersTable } from '../auth/tables'
import type { PasswordResetsTable } from '../auth/password-reset-table'
import type { MailOutboxTable, MailPreferencesTable } from '../mail/tables'
import type { CalendarFeedEventsTable, CalendarFeedsTable } from '../calendar-feed/tables'
import type { CommentThreadsTable, CommentsTable } from '../comments/tables'
import type { SectionVersionsTable } from '../history/tables'
import type { NotificationsTable } from '../notifications/tables'
import type { PlansTable, SectionsTable } from '../plans/tables'
import type { ShareLinksTable } from '../shares/tables'
import type { ReviewGuestsTable, ReviewLinksTable } from '../review-links/tables'
import type { SectionSuggestionsTable } from '../suggestions/tables'
import type { SectionSnapshotsTable, SectionUpdatesTable } from '../sync/tables'
import type { WorkspaceTemplatesTable } from '../templates/tables'
import type {
  DepartmentsTable,
  InvitesTable,
  MemberDepartmentsTable,
  MembershipsTable,
  WorkspacesTable,
} from '../workspaces/tables'

/** The whole schema, assembled from each capability's own table file. */
export interface Database {
  users: UsersTable
  sessions: SessionsTable
  login_throttle: LoginThrottleTable
  workspaces: WorkspacesTable
  departments: DepartmentsTable
  memberships: MembershipsTable
  member_departments: MemberDepartmentsTable
  invites: InvitesTable
  plans: PlansTable
  sections: SectionsTable
  section_updates: SectionUpdatesTable
  section_snapshots: SectionSnapshotsTable
  comment_threads: CommentThreadsTable
  comments: CommentsTable
  notifications: NotificationsTable
  approvals: ApprovalsTable
  activity_events: ActivityEventsTable
  section_versions: SectionVersionsTable
  share_links: ShareLinksTable
  mail_outbox: MailOutboxTable
  mail_preferences: MailPreferencesTable
  password_resets: PasswordResetsTable
  section_suggestions: SectionSuggestionsTable
  calendar_feeds: CalendarFeedsTable
  calendar_feed_events: CalendarFeedEventsTable
  review_links: ReviewLinksTable
  review_guests: ReviewGuestsTable
  workspace_templates: WorkspaceTemplatesTable
}

export type Db = Kysely<Database>
/** Repositories take either; a function that needs atomicity asks for a Transaction in its type. */
export type DbOrTx = Kysely<Database> | Transaction<Database>
