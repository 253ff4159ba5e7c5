import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { SectionKind } from '../plans/catalog'
import { type Problem, contentProblems, transactionProblems } from './validate'
import { type ClockRange, FIELDS } from './ydoc'

/**
 * Invalid structured content is REPAIRED by the server, not refused. Why:
 * - The server stores every write before applying it (that is what makes a broadcast update durable),
 *   so by the time the content can be checked the write is already in the log. Refusing first would
 *   mean applying each update to a copy of the document: a clone per keystroke.
 * - Refusing one Yjs update breaks every later update of that client: they build on its clock, so the
 *   server would hold them as pending forever and the client would silently stop syncing.
 * - A repair is an ordinary following change: stored and broadcast like any write, every client
 *   (the sender included) converges on valid content, history stays intact, and the sender is told.
 * Readers skip invalid values anyway (read.ts), so the moment between the write and its repair never
 * reaches the health check, the export or the UI.
 *
 * A repair deletes: the invalid value (its field then reads as its default), the item without a valid
 * id, the unknown key, the characters of a text past its limit. Deleting by item id, not by key, means
 * a valid value that someone else wrote meanwhile is never touched. It is encoded directly as an update
 * holding only a delete set, without changing the live document first, so it is stored before anyone
 * sees it. The one thing it writes is an upgrade: a plain string where shared text belongs becomes a
 * Y.Text with the same characters (made on a copy of the document, so it too is stored first).
 */
export interface ContentRepair {
  update: Uint8Array
  /** For the person whose write was repaired; empty when nothing was removed (only upgraded). */
  message: string
  problems: Problem[]
}

export function repairOf(doc: Y.Doc, problems: Problem[], lead = CHANGE_REPAIRED): ContentRepair | null {
  if (problems.length === 0) return null
  const removed = problems.filter((p) => p.remove.length > 0)
  const upgrades = problems.flatMap((p) => (p.upgrade ? [p.upgrade] : []))
  const deletion = deletionUpdate(removed.flatMap((p) => p.remove))
  const update = upgrades.length > 0 ? Y.mergeUpdates([deletion, upgradeUpdate(doc, upgrades)]) : deletion
  return { update, message: removed.length > 0 ? describe(lead, removed) : '', problems }
}

/** Plain strings written again as shared text in their entries' places, as one update (from a copy of `doc`). */
function upgradeUpdate(doc: Y.Doc, upgrades: readonly NonNullable<Problem['upgrade']>[]): Uint8Array {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    // A root filled from an update is untyped until asked for: type `fields`, so its entries have a map parent.
    copy.getMap(FIELDS)
    const updates: Uint8Array[] = []
    copy.on('update', (u: Uint8Array) => updates.push(u))
    copy.transact(() => {
      for (const { at, text } of upgrades) {
        const entry = Y.getItem(copy.store, Y.createID(at.client, at.clock))
        if (entry instanceof Y.Item && !entry.deleted && entry.parentSub !== null && entry.parent instanceof Y.Map)
          entry.parent.set(entry.parentSub, new Y.Text(text))
      }
    })
    return Y.mergeUpdates(updates)
  } finally {
    copy.destroy()
  }
}

const CHANGE_REPAIRED = 'Part of your change did not fit the plan and was removed.'
const STORED_REPAIRED = 'This section held content that did not fit the plan; it was removed.'

/**
 * The check a server runs after each client write to one section: the whole document at the first
 * write after loading (content stored before this check existed is brought back in line once), then
 * only what each transaction touched.
 */
export function sectionGuard(kind: SectionKind) {
  let checkedWhole = false
  return (doc: Y.Doc, transaction: Y.Transaction): ContentRepair | null => {
    const own = transactionProblems(doc, kind, transaction)
    if (checkedWhole) return repairOf(doc, own)
    checkedWhole = true
    return repairOf(doc, contentProblems(doc, kind), own.length > 0 ? CHANGE_REPAIRED : STORED_REPAIRED)
  }
}

const SHOWN = 3

function describe(lead: string, problems: Problem[]): string {
  const lines = problems.slice(0, SHOWN).map((p) => `${p.path.join(' › ') || 'fields'}: ${p.reason}`)
  const more = problems.length > SHOWN ? ` (and ${problems.length - SHOWN} more)` : ''
  return `${lead} ${lines.join('; ')}${more}.`
}

/**
 * A Yjs update (v1) that creates nothing and deletes `ranges`: zero struct groups, then the delete set
 * (per client, in descending client order as Yjs writes it: clock and length of each range).
 */
export function deletionUpdate(ranges: readonly ClockRange[]): Uint8Array {
  const byClient = new Map<number, ClockRange[]>()
  for (const r of ranges) {
    const list = byClient.get(r.client) ?? []
    list.push(r)
    byClient.set(r.client, list)
  }
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 0)
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of [...byClient].sort((a, b) => b[0] - a[0])) {
    const merged = mergeRanges(list)
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, merged.length)
    for (const r of merged) {
      encoder.writeDsClock(r.clock)
      encoder.writeDsLen(r.len)
    }
  }
  return encoder.toUint8Array()
}

function mergeRanges(ranges: ClockRange[]): ClockRange[] {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock)
  const out: ClockRange[] = []
  for (const r of sorted) {
    const last = out.at(-1)
    if (last && r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock)
    else out.push({ ...r })
  }
  return out
}
