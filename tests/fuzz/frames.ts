import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE, SYNC_LIMITS, SYNC_SUBTYPE } from '../../shared/sync/protocol'
import {
  awarenessFrame,
  deeplyNestedUpdate,
  dependentUpdates,
  encodeStructs,
  paragraphsDoc,
  queryAwarenessFrame,
  step1Frame,
  updateFrame,
} from '../support/hostile'
import type { Prng } from './prng'

/**
 * Frames for the sync fuzzer: y-websocket messages a client could send, and mutations of them. Each
 * says what the server must do with it: `closes` (surely malformed: that connection, and only it, is
 * closed), `stays` (valid: the connection stays open), `may-close` (a mutation that may or may not
 * still decode).
 */
export type Expectation = 'closes' | 'stays' | 'may-close'

export interface FuzzFrame {
  kind: string
  bytes: Uint8Array
  expect: Expectation
}

/** What frames can refer to: the section as a well-behaved client has it, and a presence that is someone else's. */
export interface FrameContext {
  stateVector(): Uint8Array
  othersClientId(): number
  /** The awareness client id this connection speaks for. */
  ownClientId: number
}

export const FORGED_NAME = 'Forged Name'

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

function smallUpdate(rng: Prng): Uint8Array {
  return Y.encodeStateAsUpdate(paragraphsDoc([`viewer words ${rng.int(0, 1e6)}`]))
}

/** A valid frame, as a stock client sends them. */
function validFrame(rng: Prng, ctx: FrameContext): FuzzFrame {
  const kind = rng.weighted({ step1: 3, emptyStep1: 2, update: 2, step2: 1, awareness: 3, query: 2, empty: 1 })
  switch (kind) {
    case 'step1':
      return { kind: 'step1', bytes: step1Frame(ctx.stateVector()), expect: 'stays' }
    case 'emptyStep1':
      return { kind: 'step1 (empty state vector)', bytes: step1Frame(), expect: 'stays' }
    case 'update':
      return { kind: 'update', bytes: updateFrame(smallUpdate(rng)), expect: 'stays' }
    case 'step2':
      return { kind: 'step2', bytes: updateFrame(smallUpdate(rng), SYNC_SUBTYPE.step2), expect: 'stays' }
    case 'awareness':
      return {
        kind: 'awareness (own id, forged name)',
        bytes: awarenessFrame([
          {
            clientId: ctx.ownClientId,
            clock: rng.int(0, 1000),
            state: { user: { userId: 'someone-else', name: FORGED_NAME, color: '#000' }, cursor: rng.int(0, 99) },
          },
        ]),
        expect: 'stays',
      }
    case 'query':
      return { kind: 'query awareness', bytes: queryAwarenessFrame(), expect: 'stays' }
    case 'empty':
      return { kind: 'empty frame', bytes: new Uint8Array(0), expect: 'stays' }
  }
}

/** A frame no decoder gets through: the connection that sends it must be closed. */
export function malformedFrame(rng: Prng): FuzzFrame {
  const kind = rng.weighted({ type: 3, subtype: 2, varint: 2, length: 2, json: 1, bigState: 1 })
  switch (kind) {
    case 'type': {
      const type = rng.pick([MESSAGE.auth, MESSAGE.stored, MESSAGE.planEvent, rng.int(4, 6), rng.int(9, 127)])
      return {
        kind: 'unknown message type',
        bytes: Uint8Array.from([type, ...rng.bytes(rng.int(0, 8))]),
        expect: 'closes',
      }
    }
    case 'subtype':
      return {
        kind: 'unknown sync subtype',
        bytes: Uint8Array.from([MESSAGE.sync, rng.int(3, 127), ...rng.bytes(rng.int(0, 8))]),
        expect: 'closes',
      }
    case 'varint':
      return {
        kind: 'oversized varint',
        bytes: Uint8Array.from([...Array<number>(rng.int(8, 12)).fill(0xff), 0x01]),
        expect: 'closes',
      }
    case 'length':
      return {
        kind: 'huge declared length',
        bytes: Uint8Array.from([
          MESSAGE.sync,
          rng.int(0, 2),
          0xff,
          0xff,
          0xff,
          0xff,
          0x0f,
          ...rng.bytes(rng.int(0, 16)),
        ]),
        expect: 'closes',
      }
    case 'json':
      return {
        kind: 'awareness that is not JSON',
        bytes: frame((e) => {
          encoding.writeVarUint(e, MESSAGE.awareness)
          encoding.writeVarUint8Array(
            e,
            frame((a) => {
              encoding.writeVarUint(a, 1)
              encoding.writeVarUint(a, rng.int(1, 2 ** 30))
              encoding.writeVarUint(a, 1)
              encoding.writeVarString(a, '{"user": ')
            }),
          )
        }),
        expect: 'closes',
      }
    case 'bigState':
      return {
        kind: 'awareness state too large',
        bytes: awarenessFrame([
          {
            clientId: rng.int(1, 2 ** 30),
            clock: 1,
            state: { pad: 'x'.repeat(SYNC_LIMITS.maxAwarenessStateBytes + 1) },
          },
        ]),
        expect: 'closes',
      }
  }
}

/** Anything a reader (viewer, commenter) might send: valid frames, their mutations, and garbage. */
export function readerFrame(rng: Prng, ctx: FrameContext): FuzzFrame {
  const kind = rng.weighted({ valid: 10, truncated: 3, flipped: 3, overlong: 1, random: 2, others: 2, malformed: 1 })
  switch (kind) {
    case 'valid':
      return validFrame(rng, ctx)
    case 'truncated': {
      const base = validFrame(rng, ctx).bytes
      return base.length < 2
        ? malformedFrame(rng)
        : { kind: 'truncated', bytes: base.slice(0, rng.int(1, base.length - 1)), expect: 'may-close' }
    }
    case 'flipped': {
      const bytes = validFrame(rng, ctx).bytes.slice()
      for (let i = rng.int(1, 3); i > 0 && bytes.length > 0; i--) {
        const at = rng.int(0, bytes.length - 1)
        bytes[at] = bytes[at]! ^ (1 << rng.int(0, 7))
      }
      return { kind: 'bytes flipped', bytes, expect: 'may-close' }
    }
    case 'overlong':
      // Varints padded with continuation bytes: still the same small numbers to a decoder.
      return {
        kind: 'overlong varint',
        bytes: Uint8Array.from([0x80, 0x80, 0x00, 0x80, 0x00, 0x01, 0x00]),
        expect: 'may-close',
      }
    case 'random':
      return { kind: 'random bytes', bytes: rng.bytes(rng.int(1, 64)), expect: 'may-close' }
    case 'others':
      return {
        kind: "awareness for another client's id",
        bytes: awarenessFrame([
          { clientId: ctx.othersClientId(), clock: 2 ** 20, state: { user: { name: FORGED_NAME } } },
        ]),
        expect: 'stays',
      }
    case 'malformed':
      return malformedFrame(rng)
  }
}

/** A frame around the socket's 1 MiB limit: just over is refused by the socket (1009), just under is garbage. */
export function bigFrame(rng: Prng): FuzzFrame {
  const over = rng.chance(0.5)
  const size = SYNC_LIMITS.maxFrameBytes + (over ? rng.int(1, 64) : -rng.int(16, 64))
  const bytes = new Uint8Array(size)
  bytes.set([MESSAGE.sync, SYNC_SUBTYPE.update, 0xff, 0xff, 0xff, 0x7f])
  return { kind: over ? '1 MiB frame, just over' : '1 MiB frame, just under', bytes, expect: 'closes' }
}

/** `true` when Yjs throws applying it to a fresh document: it cannot apply to any section. */
function throwsOnApply(update: Uint8Array): boolean {
  try {
    Y.applyUpdate(new Y.Doc(), update)
    return false
  } catch {
    return true
  }
}

/**
 * An update from a writer that must never be stored: it cannot apply anywhere (Yjs throws part-way,
 * by construction and checked here), nests types too deep, or waits for dependencies that never come
 * (a fresh client's later clocks). Each is independent of the section's state.
 */
export function corruptWrite(rng: Prng): FuzzFrame {
  const kind = rng.weighted({ forward: 6, deep: 1, orphan: 2, empty: 1 })
  if (kind === 'deep')
    return {
      kind: 'types nested too deep',
      bytes: updateFrame(deeplyNestedUpdate(rng.int(65, 30_000))),
      expect: 'closes',
    }
  if (kind === 'orphan')
    return {
      kind: 'update missing its dependencies',
      bytes: updateFrame(dependentUpdates(`lost ${rng.int(0, 1e6)}`, `orphan ${rng.int(0, 1e6)}`).second),
      expect: 'stays', // held for its dependencies, never stored: dropped when the connection closes
    }
  if (kind === 'empty') {
    // A decoded item's parent is the root type's name (Item's types say a type or an id).
    const root = 'body' as unknown as Y.AbstractType<unknown>
    const item = new Y.Item(
      Y.createID(rng.int(1, 2 ** 30), 0),
      null,
      null,
      null,
      null,
      root,
      null,
      new Y.ContentString(''),
    )
    return { kind: 'struct of length 0', bytes: updateFrame(encodeStructs([item])), expect: 'closes' }
  }
  for (;;) {
    const doc = paragraphsDoc(Array.from({ length: rng.int(2, 6) }, (_, i) => `corrupt ${i} ${rng.int(0, 1e6)}`))
    const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(doc))
    const target = structs[rng.int(1, structs.length - 1)]
    if (!(target instanceof Y.Item)) continue
    const forward = Y.createID(doc.clientID, target.id.clock + rng.int(0, 50_000))
    const field = rng.pick(['origin', 'rightOrigin', 'parent'] as const)
    if (field === 'parent') {
      target.origin = null
      target.rightOrigin = null
    }
    target[field] = forward
    const update = encodeStructs(structs.filter((s): s is Y.Item | Y.GC => !(s instanceof Y.Skip)))
    if (throwsOnApply(update))
      return { kind: `update that applies half-way (${field})`, bytes: updateFrame(update), expect: 'closes' }
  }
}
