import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { SYNC_LIMITS } from '../../shared/sync/protocol'
import { type Placement, type RunIndex, placeStructs } from './nesting'

/**
 * Whether a client's update applies cleanly to a section, decided before anything is stored.
 *
 * Yjs decodes some updates that it then throws on half-way through applying (a struct pointing at a
 * later clock of its own client, say): what it applied before throwing is already in the document and
 * emitted as an update. So decoding is not enough. The check runs Yjs's own integration on a stand-in:
 * a scratch document whose store holds, for every client the section knows, one garbage-collected
 * struct covering exactly the clocks the section has (and those of updates being stored right now).
 * Integration throws, or leaves structs pending, on the stand-in exactly where it would on the section,
 * since it only ever asks the store whether a clock exists and where; the stand-in costs a few bytes per
 * client instead of a copy of the document (loading a copy of a 226 KB section takes ~15 ms).
 *
 * - `applies`: store it.
 * - `invalid`: it can never apply (Yjs would throw part-way, or it has structs no client writes, or
 *   it nests types deeper than `SYNC_LIMITS.maxNestingDepth`, which a later deletion of them could
 *   not get through): refused; the sender is closed with CLOSE.invalidUpdate.
 * - `missing`: it builds on clocks the section does not have. Yjs would keep it pending in the
 *   document; we never do (a pending struct is served to every client and stored in every snapshot,
 *   and merging pending updates costs more the more there are). See `HeldUpdates` for what happens then.
 */
export type Verdict = { kind: 'applies'; pending: Pending } | { kind: 'invalid'; reason: string } | { kind: 'missing' }

/** What an update being stored (checked, not applied yet) adds, for the checks of the updates after it. */
export interface Pending {
  /** The clock it reaches, per client. */
  ends: Map<number, number>
  placements: RunIndex<Placement>
}

/** Clocks known per client: the section's state vector, raised by updates stored but not yet applied. */
type KnownClocks = Map<number, number>

/** The clock known of one client, as `KnownClocks` has it. */
function knownClock(doc: Y.Doc, inFlight: readonly Pending[], client: number): number {
  let clock = Y.getState(doc.store, client)
  for (const p of inFlight) clock = Math.max(clock, p.ends.get(client) ?? 0)
  return clock
}

function knownClocks(doc: Y.Doc, inFlight: readonly Pending[]): KnownClocks {
  const clients = new Set([...doc.store.clients.keys(), ...inFlight.flatMap((p) => [...p.ends.keys()])])
  return new Map([...clients].map((client) => [client, knownClock(doc, inFlight, client)]))
}

/** One GC struct per client from clock 0 to what is known: a v1 update any Y.Doc can load. */
function standIn(known: KnownClocks): Uint8Array {
  const e = encoding.createEncoder()
  const clients = [...known].filter(([, clock]) => clock > 0)
  encoding.writeVarUint(e, clients.length)
  for (const [client, clock] of clients) {
    encoding.writeVarUint(e, 1) // one struct
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, 0) // from clock 0
    encoding.writeUint8(e, 0) // a GC struct…
    encoding.writeVarUint(e, clock) // …this long
  }
  encoding.writeVarUint(e, 0) // no deletions
  return encoding.toUint8Array(e)
}

/**
 * The usual update, judged without the stand-in: each client's structs carry on exactly from the clock
 * the section knows of it, and every id they point at (origin, right origin, parent) and every range
 * they delete is one the section knows, or earlier in the same client's run in this update. Integration
 * then finds everything it looks up and leaves nothing pending, so Yjs can neither throw nor wait.
 * Anything else (a gap, an overlap, a pointer into another client's new structs, a Skip) goes to the
 * stand-in, which decides it; this path only ever says yes where the stand-in would.
 */
function appendsToKnown(update: DecodedUpdate, knownClock: (client: number) => number): boolean {
  const next = new Map<number, number>()
  const nextOf = (client: number) => next.get(client) ?? knownClock(client)
  const known = (id: Y.ID | null, self: Y.ID) =>
    id === null || id.clock < (id.client === self.client ? self.clock : knownClock(id.client))
  for (const s of update.structs) {
    if (s instanceof Y.Skip || s.id.clock !== nextOf(s.id.client)) return false
    if (s instanceof Y.Item) {
      if (!known(s.origin, s.id) || !known(s.rightOrigin, s.id)) return false
      if (s.parent instanceof Y.ID && !known(s.parent, s.id)) return false
    }
    next.set(s.id.client, s.id.clock + s.length)
  }
  for (const [client, ranges] of update.ds.clients)
    for (const { clock, len } of ranges) if (clock + len > nextOf(client)) return false
  return true
}

/** An update as `Y.decodeUpdate` reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/**
 * Judge a client's update against the section `doc` plus the updates being stored into it now.
 * `decoded` is the update as `Y.decodeUpdate` read it, when the caller has it already.
 */
export function checkUpdate(
  update: Uint8Array,
  doc: Y.Doc,
  inFlight: readonly Pending[],
  { maxDepth = SYNC_LIMITS.maxNestingDepth, decoded }: { maxDepth?: number; decoded?: DecodedUpdate } = {},
): Verdict {
  // Throws on bytes that are not an update at all: the caller's malformed-message path.
  const read = decoded ?? Y.decodeUpdate(update)
  const { structs } = read
  const ends = new Map<number, number>()
  for (const s of structs) {
    if (s.length <= 0) return { kind: 'invalid', reason: 'a struct of length 0' }
    if (s instanceof Y.Item && s.content instanceof Y.ContentDoc)
      return { kind: 'invalid', reason: 'a subdocument (Planroom sections have none)' }
    if (!(s instanceof Y.Skip)) ends.set(s.id.client, Math.max(ends.get(s.id.client) ?? 0, s.id.clock + s.length))
  }
  try {
    const known = (client: number) => knownClock(doc, inFlight, client)
    if (!appendsToKnown(read, known) && standInLeavesPending(update, doc, inFlight)) return { kind: 'missing' }
    const pending = inFlight.map((p) => p.placements)
    const { placements, deepest } = placeStructs(structs, { doc, pending }, maxDepth)
    if (deepest > maxDepth) return { kind: 'invalid', reason: `types nested ${deepest} deep (at most ${maxDepth})` }
    return { kind: 'applies', pending: { ends, placements } }
  } catch (err) {
    return { kind: 'invalid', reason: err instanceof Error ? err.message : String(err) }
  }
}

/** Yjs's own integration on the stand-in: throws where it would throw on the section; true if it waits. */
function standInLeavesPending(update: Uint8Array, doc: Y.Doc, inFlight: readonly Pending[]): boolean {
  // A fixed guid: generating a random one costs more than the whole check. Never destroyed: it holds
  // no listeners or subdocuments, and destroying one costs several times what making it does.
  const scratch = new Y.Doc({ gc: false, guid: 'update-check' })
  Y.applyUpdate(scratch, standIn(knownClocks(doc, inFlight)))
  Y.applyUpdate(scratch, update)
  return scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null
}
