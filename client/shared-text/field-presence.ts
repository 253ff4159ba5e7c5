import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'

/** Someone else in a field: who, in their colour, and their caret in its text when it is a text. */
export interface FieldPeer {
  clientId: number
  name: string
  color: string
  /** Y.RelativePosition (as JSON) of the caret in the field's Y.Text, so it moves with the text. */
  caret: unknown
}

/** The awareness field that says which field a person is in: its path joined by dots, or null. */
export const FIELD_STATE = 'field'
/** The awareness field with that person's caret in the field's text (a Y.RelativePosition as JSON). */
export const CARET_STATE = 'fieldCaret'

const NONE: readonly FieldPeer[] = []

/**
 * Who is in which field of one section, from the section's awareness: each person's client says the
 * path of the field they are in (`field`), as the section list says who is in which section. One
 * subscription for the whole form; each field reads its own list, unchanged arrays kept, so a field
 * re-renders only when the people in it change.
 */
export class FieldPresence {
  private byField = new Map<string, readonly FieldPeer[]>()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly awareness: Awareness) {}

  /** Follow the awareness until the returned function is called (then this person is in no field). */
  start(): () => void {
    this.awareness.on('change', this.recompute)
    this.recompute()
    return () => {
      this.awareness.off('change', this.recompute)
      this.enter(null)
    }
  }

  /** This person is in the field at `key` now (null: in none). */
  enter(key: string | null) {
    if ((this.awareness.getLocalState()?.[FIELD_STATE] ?? null) === key) return
    this.awareness.setLocalStateField(FIELD_STATE, key)
    if (key === null) this.caret(null)
  }

  /** Where this person's caret is in the text of the field they are in (null: none to show). */
  caret(position: unknown) {
    const state = this.awareness.getLocalState()
    if (JSON.stringify(state?.[CARET_STATE] ?? null) === JSON.stringify(position)) return
    this.awareness.setLocalStateField(CARET_STATE, position)
  }

  peersAt = (key: string): readonly FieldPeer[] => this.byField.get(key) ?? NONE

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private readonly recompute = () => {
    const next = new Map<string, FieldPeer[]>()
    for (const [clientId, state] of this.awareness.getStates()) {
      const key: unknown = state[FIELD_STATE]
      const user = state.user as { name?: unknown; color?: unknown } | undefined
      if (clientId === this.awareness.clientID || typeof key !== 'string' || typeof user?.name !== 'string') continue
      const peers = next.get(key) ?? []
      peers.push({
        clientId,
        name: user.name,
        color: typeof user.color === 'string' ? user.color : '#868e96',
        caret: state[CARET_STATE] ?? null,
      })
      next.set(key, peers)
    }
    let changed = next.size !== this.byField.size
    const kept = new Map<string, readonly FieldPeer[]>()
    for (const [key, peers] of next) {
      const old = this.byField.get(key)
      const same = old && old.length === peers.length && old.every((p, i) => sameShown(p, peers[i]!))
      kept.set(key, same ? old : peers)
      changed ||= !same
    }
    if (!changed) return
    this.byField = kept
    for (const l of this.listeners) l()
  }
}

const sameShown = (a: FieldPeer, b: FieldPeer) =>
  a.clientId === b.clientId &&
  a.name === b.name &&
  a.color === b.color &&
  JSON.stringify(a.caret) === JSON.stringify(b.caret)

export const FieldPresenceContext = createContext<FieldPresence | null>(null)

const noSubscription = () => () => {}

/** The form's presence, for a field that says where its caret is. */
export const useFieldPresence = () => useContext(FieldPresenceContext)

/** The other people in the field at `key`. */
export function useFieldPeers(key: string): readonly FieldPeer[] {
  const presence = useContext(FieldPresenceContext)
  return useSyncExternalStore(presence?.subscribe ?? noSubscription, () => presence?.peersAt(key) ?? NONE)
}
