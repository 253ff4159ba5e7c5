import { EventEmitter } from 'node:events'

/**
 * Changes to who may do what. The sync server listens so that open connections lose rights at once
 * (SPEC §5); a multi-process deployment relays these between processes.
 */
export interface AccessEventMap {
  /** A member's role, departments or leads changed, or they were removed. */
  memberChanged: [{ workspaceId: string; userId: string; removed: boolean }]
  /** A session ended (logout): its sockets close. */
  sessionEnded: [{ sessionId: string }]
  /** A department was removed or sections changed owner. */
  workspaceChanged: [{ workspaceId: string }]
}

export class AccessEvents extends EventEmitter<AccessEventMap> {}
