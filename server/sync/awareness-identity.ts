import * as encoding from 'lib0/encoding'
import type { AwarenessEntry } from './messages'

/** Who the server knows a connection to be: its session's user. */
export interface Speaker {
  userId: string
  name: string
}

/**
 * Presence is a fact the server vouches for, as it does comment authors: whatever a connection claims
 * in its awareness state, `user.userId` and `user.name` are those of its session. Everything else the
 * client says (a colour, a cursor, the section it has open) is kept. A removal (state null) stays one.
 * Returns the awareness update to apply instead of the client's.
 */
export function vouchForAwareness(entries: readonly AwarenessEntry[], speaker: Speaker): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId)
    encoding.writeVarUint(e, entry.clock)
    encoding.writeVarString(e, JSON.stringify(vouched(JSON.parse(entry.state) as unknown, speaker)))
  }
  return encoding.toUint8Array(e)
}

function vouched(state: unknown, speaker: Speaker): unknown {
  if (state === null) return null
  const fields = isObject(state) ? state : {}
  const user = isObject(fields.user) ? fields.user : {}
  return { ...fields, user: { ...user, userId: speaker.userId, name: speaker.name } }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
