import { EventEmitter } from 'node:events'
import * as encoding from 'lib0/encoding'
import { MESSAGE, type PlanEventPayload } from '../../shared/sync/protocol'
import { encode } from './messages'

/**
 * Server-made news about a plan (a comment, a decision, a stale approval, an inbox change), sent down
 * live connections as MESSAGE.planEvent. Only the server publishes; clients refetch over the API, so
 * nothing a client writes can pass for a comment or a decision.
 */
export interface PlanEvent extends PlanEventPayload {
  /** Whose connections may hear it. */
  workspaceId: string
}

/** The tiny interface a multi-process deployment implements over Redis pub/sub. */
export interface PlanEvents {
  publish(event: PlanEvent): void
  subscribe(listener: (event: PlanEvent) => void): () => void
}

/** One process: publishing is delivering. */
export class LocalPlanEvents implements PlanEvents {
  private readonly emitter = new EventEmitter<{ event: [PlanEvent] }>()

  publish(event: PlanEvent) {
    this.emitter.emit('event', event)
  }

  subscribe(listener: (event: PlanEvent) => void) {
    this.emitter.on('event', listener)
    return () => void this.emitter.off('event', listener)
  }
}

/** What a connection that asked for events receives: the payload, without routing fields. */
export function planEventMessage({ workspaceId, ...payload }: PlanEvent): Uint8Array {
  return encode((e) => {
    encoding.writeVarUint(e, MESSAGE.planEvent)
    encoding.writeVarString(e, JSON.stringify(payload))
  })
}

/** A connection as delivery sees it. */
export interface EventListener {
  who: { userId: string; sectionId: string }
  workspaceId: string
  send(message: Uint8Array): void
}

/**
 * Inbox news goes to that person's connections in the workspace; everything else to the plan's room
 * (`/sync/<planId>`), where every member of the plan page listens.
 */
export function isAudience(event: PlanEvent, c: EventListener): boolean {
  if (c.workspaceId !== event.workspaceId) return false
  if (event.kind === 'notifications') return c.who.userId === event.userId
  return c.who.sectionId === event.planId
}
