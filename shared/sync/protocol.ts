/**
 * The live-sync wire protocol: y-websocket's message types plus one of our own, and the close codes
 * and limits both ends agree on.
 */
export const MESSAGE = {
  /** y-protocols sync: step 1, step 2, update. */
  sync: 0,
  awareness: 1,
  /** y-protocols auth: permission denied, with a reason. Stock clients log it. */
  auth: 2,
  queryAwareness: 3,
  /**
   * Ours: "stored up to here". Carries how many write messages (sync step 2 and updates) of this
   * connection the server has processed, in order, all of them durably stored unless refused.
   */
  stored: 7,
  /**
   * Ours, server → client only: something of the plan changed (comments, approvals, activity, the
   * inbox): a JSON `PlanEventPayload`; refetch over the API. A client that sends it is malformed.
   */
  planEvent: 8,
} as const

/** Query parameter by which a client asks for MESSAGE.planEvent messages: `?events=1`. */
export const EVENTS_PARAM = 'events'

/** What a MESSAGE.planEvent carries: what to refetch. `userId` names whose inbox changed. */
export interface PlanEventPayload {
  kind: 'comments' | 'suggestions' | 'approvals' | 'activity' | 'notifications' | 'health'
  planId?: string
  sectionId?: string
  departmentId?: string
  userId?: string
}

/** Query parameter by which a client asks for MESSAGE.stored acknowledgements: `?acks=1`. */
export const ACK_PARAM = 'acks'

export const SYNC_SUBTYPE = { step1: 0, step2: 1, update: 2 } as const

export const CLOSE = {
  /** No valid session, or the session ended (logout). */
  unauthenticated: 4401,
  /** No access to the section (never had it, or it was taken away). */
  forbidden: 4403,
  /** A foreign Origin on the upgrade request. */
  foreignOrigin: 4003,
  /** The message could not be decoded; the connection is closed, nothing was applied. */
  malformed: 4400,
  /** The document would grow past its size limit. */
  documentTooLarge: 4413,
  /**
   * An update that decodes but does not apply to the section (Yjs would throw part-way through it);
   * nothing of it was stored or sent on.
   */
  invalidUpdate: 4422,
  /**
   * An update that builds on changes the server does not have; nothing of it was kept. On reconnecting,
   * the client's sync step 2 carries everything the server lacks.
   */
  missingDependencies: 4409,
  /** More was queued for this connection than it read, for too long; reconnect. */
  tooSlow: 4408,
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
} as const

export const CLOSE_REASONS: Record<number, string> = {
  [CLOSE.unauthenticated]: 'Your session has ended. Sign in again to keep editing.',
  [CLOSE.forbidden]: 'You no longer have access to this section.',
  [CLOSE.foreignOrigin]: 'This connection came from another site and was refused.',
  [CLOSE.malformed]: 'The connection sent a message the server could not read.',
  [CLOSE.documentTooLarge]: 'This section has reached its size limit.',
  [CLOSE.invalidUpdate]: 'The connection sent a change that does not apply to this section.',
  [CLOSE.missingDependencies]: 'The connection sent a change that builds on changes the server does not have.',
  [CLOSE.tooSlow]: 'The connection fell too far behind the section.',
}

export const SYNC_LIMITS = {
  /** Larger frames are refused by the socket itself (close 1009). */
  maxFrameBytes: 1024 * 1024,
  /** A section's stored size past which further writes are refused. */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** One awareness state (cursor, name, colour) as JSON. */
  maxAwarenessStateBytes: 8 * 1024,
  /**
   * How deep shared types may nest (a list in a table cell in a list…; real content stays far below).
   * Deleting a type recurses once per level, so a deeper one could never be deleted cleanly.
   */
  maxNestingDepth: 64,
  /** Awareness client ids one connection may speak for. */
  maxAwarenessClientsPerConnection: 1,
  /**
   * Bytes queued for one connection (not yet taken by its socket) past which it is a slow consumer: it is
   * closed (CLOSE.tooSlow) when it stays past this for `slowConsumerGraceMs` without draining.
   */
  maxQueuedBytes: 2 * 1024 * 1024,
  slowConsumerGraceMs: 5_000,
  /**
   * Messages one connection may have handled per second, after a burst of `messageBurst`. Past that the
   * server stops reading its socket until the rate allows again (TCP backpressure; nothing is closed).
   */
  messagesPerSecond: 100,
  messageBurst: 300,
  /**
   * Updates of one connection that build on changes the server does not have yet (keystrokes sent
   * before the sync step 2 that carries what they build on) wait at most this many, this large, this
   * long; past that the connection is closed with CLOSE.missingDependencies.
   */
  maxHeldUpdates: 200,
  maxHeldBytes: 1024 * 1024,
  maxHeldMs: 10_000,
} as const

/** Reasons the server gives (in an auth "permission denied" message) when it refuses a write. */
export const REFUSAL = {
  readOnly: 'read-only',
  documentTooLarge: 'document-too-large',
  /** The write was stored but left structured content invalid; the server repaired it. */
  repaired: 'repaired',
} as const
