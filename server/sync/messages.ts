import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { writePermissionDenied } from 'y-protocols/auth'
import { MESSAGE } from '../../shared/sync/protocol'

export function encode(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** Ours: how many of this connection's write messages have been processed (stored, or refused). */
export const storedMessage = (processedWrites: number) =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE.stored)
    encoding.writeVarUint(e, processedWrites)
  })

/** y-protocols auth "permission denied", which stock clients understand. */
export const refusalMessage = (code: string, reason: string) =>
  encode((e) => {
    encoding.writeVarUint(e, MESSAGE.auth)
    writePermissionDenied(e, `${code}: ${reason}`)
  })

export class MalformedMessageError extends Error {}

export interface AwarenessEntry {
  clientId: number
  clock: number
  state: string
}

/** Decode an awareness update fully before anything is applied, so it can be judged first. */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update)
  const count = decoding.readVarUint(d)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(d),
      clock: decoding.readVarUint(d),
      state: decoding.readVarString(d),
    })
  }
  if (decoding.hasContent(d)) throw new MalformedMessageError('trailing bytes after the awareness update')
  return entries
}
