import type { Selectable } from 'kysely'

export interface ReviewLinksTable {
  id: string
  workspace_id: string
  plan_id: string
  /** SHA-256 of the token in the URL; the token itself is never stored. */
  token_hash: string
  created_by: string
  created_at: number
  /** null: never expires. An expired link answers as a revoked one. */
  expires_at: number | null
  revoked_at: number | null
}

/** A guest: a user row without any membership, who reaches exactly one plan through one link. */
export interface ReviewGuestsTable {
  user_id: string
  link_id: string
  plan_id: string
  created_at: number
}

export type ReviewLinkRow = Selectable<ReviewLinksTable>
