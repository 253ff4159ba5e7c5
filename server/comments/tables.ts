import type { Selectable } from 'kysely'

export interface CommentThreadsTable {
  id: string
  workspace_id: string
  plan_id: string
  section_id: string
  /** JSON of an `Anchor`; null for a thread about the whole section. */
  anchor: string | null
  created_by: string
  created_at: number
  /** The last time a comment was added, edited, deleted, or the thread resolved or reopened. */
  updated_at: number
  resolved_at: number | null
  resolved_by: string | null
}

export interface CommentsTable {
  id: string
  thread_id: string
  workspace_id: string
  /** Always the signed-in caller who created it: the server's word, never the client's. */
  author_id: string
  /** Order in the thread. */
  position: number
  /** null once deleted. */
  body: string | null
  /** JSON array of the user ids mentioned. */
  mentions: string
  created_at: number
  edited_at: number | null
  deleted_at: number | null
}

export type ThreadRow = Selectable<CommentThreadsTable>
export type CommentRow = Selectable<CommentsTable>
