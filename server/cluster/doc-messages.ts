import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** What processes tell each other about live documents, in one binary frame per message. */
export type DocMessage =
  | { kind: 'update'; from: string; sectionId: string; id: number; update: Uint8Array }
  | { kind: 'awareness'; from: string; sectionId: string; update: Uint8Array }
  /** A process that just subscribed asks who is present: presence said before then never reached it. */
  | { kind: 'presence-query'; from: string; sectionId: string }

const KIND = { update: 0, awareness: 1, 'presence-query': 2 } as const

export function encodeDocMessage(m: DocMessage): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, m.from)
  encoding.writeVarUint(e, KIND[m.kind])
  encoding.writeVarString(e, m.sectionId)
  if (m.kind === 'update') encoding.writeVarUint(e, m.id)
  if (m.kind !== 'presence-query') encoding.writeVarUint8Array(e, m.update)
  return Buffer.from(encoding.toUint8Array(e))
}

/** Throws on a frame that is not ours. */
export function decodeDocMessage(frame: Uint8Array): DocMessage {
  const d = decoding.createDecoder(frame)
  const from = decoding.readVarString(d)
  const kind = decoding.readVarUint(d)
  const sectionId = decoding.readVarString(d)
  if (kind === KIND.update) {
    const id = decoding.readVarUint(d)
    return { kind: 'update', from, sectionId, id, update: decoding.readVarUint8Array(d) }
  }
  if (kind === KIND['presence-query']) return { kind: 'presence-query', from, sectionId }
  if (kind === KIND.awareness) return { kind: 'awareness', from, sectionId, update: decoding.readVarUint8Array(d) }
  throw new Error(`unknown relayed message kind ${kind}`)
}
