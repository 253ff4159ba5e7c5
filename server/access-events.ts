import { EventEmitter } from 'node:events'
import type { Membership } from '../shared/workspaces/permissions'

/**
 * Changes to who may do what. The sync server listens so that open connections lose rights at once
 * (docs/product.md#live-editing); a multi-process deployment relays these between processes.
 */
export interface AccessEventMap {
  /**
   * A member joined, their role, departments or leads changed, or they were removed. `by`, `before`
   * (null for someone who just joined) and `after` (null once removed), both read in the change's own
   * transaction, let the activity log say who changed what, whatever changed since.
   */
  memberChanged: [
    {
      workspaceId: string
      userId: string
      removed: boolean
      by?: string
      before?: Membership | null
      after?: Membership | null
    },
  ]
  /** A session ended (logout): its sockets close. */
  sessionEnded: [{ sessionId: string }]
  /** A department was removed or sections changed owner. */
  workspaceChanged: [{ workspaceId: string }]
  /** A plan was deleted: every socket of it closes. */
  planDeleted: [{ workspaceId: string; planId: string }]
}

export class AccessEvents extends EventEmitter<AccessEventMap> {}
