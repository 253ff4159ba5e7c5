import * as Y from 'yjs'
import type { DecodedUpdate } from './update-check'

/**
 * Whether a decoded update holds anything this document lacks: a struct past what the document has
 * of its client, or a deletion of something the document still shows (or does not have yet).
 *
 * Clients send what they already share with the server all the time: y-indexeddb applies the copy
 * kept on the device and the provider sends it on as an update, a reconnecting client answers sync
 * step 1 with its whole state. From someone who may only read, that is not a write, and refusing it
 * would tell them "not saved" about changes they never made; from anyone, storing it would add
 * nothing. Cost: one look per struct, and per deleted range one walk over the structs it covers.
 */
export function bringsSomethingNew(doc: Y.Doc, update: DecodedUpdate): boolean {
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) continue
    // Not an update any client makes: it goes on to the update check, which refuses it (4422).
    if (struct.length <= 0) return true
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true
  }
  for (const [client, ranges] of update.ds.clients) {
    const structs = doc.store.clients.get(client)
    for (const { clock, len } of ranges) {
      if (len === 0) continue
      if (!structs || clock + len > Y.getState(doc.store, client)) return true
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i]!
        if (struct.id.clock >= clock + len) break
        if (!struct.deleted) return true
      }
    }
  }
  return false
}
