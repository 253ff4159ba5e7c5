import type { Selectable } from 'kysely'

/** A pending suggestion; accepted and rejected ones are deleted (the activity log keeps what happened). */
export interface SectionSuggestionsTable {
  id: string
  workspace_id: string
  plan_id: string
  section_id: string
  /** Always the signed-in caller who made it: the server's word, never the client's. */
  author_id: string
  /** What it changes: `body`, the rich text, or a structured text field's path as JSON (`["audience"]`). */
  target: string
  /** Yjs relative positions (base64) of the range it replaces. */
  start_pos: string
  end_pos: string
  deleted_text: string
  inserted_text: string
  created_at: number
}

export type SuggestionRow = Selectable<SectionSuggestionsTable>
