import type { Selectable } from 'kysely'
import type { ShareScope } from '../../shared/shares/schema'

/** A read-only public link to a plan's guidelines, or to the whole plan. */
export interface ShareLinksTable {
  id: string
  workspace_id: string
  plan_id: string
  /** SHA-256 of the token in the link; the token itself is never stored. */
  token_hash: string
  scope: ShareScope
  created_by: string
  created_at: number
  revoked_at: number | null
  revoked_by: string | null
}

export type ShareLinkRow = Selectable<ShareLinksTable>
