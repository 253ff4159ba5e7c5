import net from 'node:net'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MESSAGE, SYNC_SUBTYPE } from '../../shared/sync/protocol'

/**
 * What an attacker sends that no Yjs client would: raw HTTP upgrade requests, hand-made frames and
 * updates whose structs were edited after encoding.
 */

/**
 * Send raw bytes to the server and collect what it answers until it closes the socket, `enough` says
 * the answer is complete, or `timeoutMs` passes.
 */
export function rawRequest(
  baseUrl: string,
  request: string,
  enough: (answer: string) => boolean = () => false,
  timeoutMs = 5000,
): Promise<string> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname)
    let answer = ''
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(answer)
    }
    const timer = setTimeout(done, timeoutMs)
    socket.on('data', (d) => {
      answer += d.toString('latin1')
      if (enough(answer)) done()
    })
    socket.on('close', done)
    socket.on('error', done)
    socket.write(request)
  })
}

/**
 * A client that sends a body of `size` bytes at a steady pace (as over a real network) and reads the
 * answer only once it has sent it all, as simple HTTP clients do. Resolves with the answer, or with
 * the socket error it met instead.
 */
export function pacedUpload(baseUrl: string, path: string, size: number): Promise<{ answer: string; error?: string }> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname)
    socket.pause()
    let answer = ''
    const finish = (error?: string) => {
      socket.destroy()
      resolve({ answer, error })
    }
    socket.on('data', (d) => {
      answer += d.toString('latin1')
      // Headers and a body of the declared length: the whole answer.
      const length = Number(/content-length: (\d+)/i.exec(answer)?.[1] ?? -1)
      const headEnd = answer.indexOf('\r\n\r\n')
      if (headEnd >= 0 && length >= 0 && answer.length >= headEnd + 4 + length) finish()
    })
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message))
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    )
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let sent = 0
    const next = () => {
      if (sent >= size) return socket.resume()
      const n = Math.min(chunk.length, size - sent)
      sent += n
      socket.write(chunk.subarray(0, n), (err) => (err ? finish(err.message) : setTimeout(next, 5)))
    }
    next()
  })
}

/** An upgrade request as a browser sends it, with the target and extra header lines given. */
export function upgradeRequest(target: string, host: string, headers: string[] = []): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: ${host}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
    '',
    '',
  ].join('\r\n')
}

export const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

export const step1Frame = (stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync)
    encoding.writeVarUint(e, SYNC_SUBTYPE.step1)
    encoding.writeVarUint8Array(e, stateVector)
  })

export const updateFrame = (update: Uint8Array, subtype: number = SYNC_SUBTYPE.update) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync)
    encoding.writeVarUint(e, subtype)
    encoding.writeVarUint8Array(e, update)
  })

export const queryAwarenessFrame = () => frame((e) => encoding.writeVarUint(e, MESSAGE.queryAwareness))

export interface AwarenessClaim {
  clientId: number
  clock: number
  state: unknown
}

export const awarenessFrame = (claims: AwarenessClaim[]) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness)
    encoding.writeVarUint8Array(
      e,
      frame((a) => {
        encoding.writeVarUint(a, claims.length)
        for (const c of claims) {
          encoding.writeVarUint(a, c.clientId)
          encoding.writeVarUint(a, c.clock)
          encoding.writeVarString(a, JSON.stringify(c.state))
        }
      }),
    )
  })

/** Frames of a stream, split by their message type and sync subtype. */
export function kindOf(message: Uint8Array): string {
  if (message[0] === MESSAGE.sync) return ['step1', 'step2', 'update'][message[1]!] ?? 'sync?'
  return (
    { [MESSAGE.awareness]: 'awareness', [MESSAGE.auth]: 'auth', [MESSAGE.stored]: 'stored' }[message[0]!] ?? 'other'
  )
}

/**
 * Re-encode decoded structs as a v1 update (Yjs writes updates the same way), so that a test can change
 * a struct after Yjs has produced it: the result decodes, but need not apply.
 */
export function encodeStructs(structs: (Y.Item | Y.GC)[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const byClient = new Map<number, (Y.Item | Y.GC)[]>()
  for (const s of structs) byClient.set(s.id.client, [...(byClient.get(s.id.client) ?? []), s])
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock)
    for (const s of list) s.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, 0) // no deletions
  return encoder.toUint8Array()
}

/** A doc written by one fresh client: paragraphs appended to `body`, as Tiptap would. */
export function paragraphsDoc(texts: string[]): Y.Doc {
  const doc = new Y.Doc()
  const body = doc.getXmlFragment('body')
  for (const text of texts) {
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(text)])
      body.push([p])
    })
  }
  return doc
}

/**
 * The update a writer sends that Yjs decodes but throws on half-way: its first structs are a sound
 * paragraph, its last one points at a clock of its own client that comes after it. Applying it
 * integrates the paragraph, then fails.
 */
export function halfApplyingUpdate(text: string): { update: Uint8Array; clientId: number } {
  const doc = paragraphsDoc([text, `${text} (second)`])
  const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(doc))
  const last = structs.at(-1) as Y.Item
  last.origin = Y.createID(doc.clientID, 10_000)
  return { update: encodeStructs(structs), clientId: doc.clientID }
}

/**
 * Two updates of one client, the second building on the first: sent alone, the second depends on
 * structs the server does not have.
 */
export function dependentUpdates(first: string, second: string) {
  const doc = paragraphsDoc([first])
  const before = Y.encodeStateVector(doc)
  const a = Y.encodeStateAsUpdate(doc)
  const body = doc.getXmlFragment('body')
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(second)])
    body.push([p])
  })
  return { first: a, second: Y.encodeStateAsUpdate(doc, before), clientId: doc.clientID }
}

/** A `ws` socket that can stop reading (`pause`) while it keeps sending: a consumer that never reads. */
export function pausableSocket(baseUrl: string, path: string, headers: Record<string, string>) {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, { headers })
  const received: Uint8Array[] = []
  ws.on('message', (d: Buffer) => received.push(new Uint8Array(d)))
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve())
    ws.on('error', reject)
  })
  return { ws, received, closed, opened }
}

/** An update nesting `levels` elements one inside the other: Yjs takes it, but cannot delete it later. */
export function deeplyNestedUpdate(levels: number): Uint8Array {
  const doc = new Y.Doc()
  let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('body')
  doc.transact(() => {
    for (let i = 0; i < levels; i++) {
      const child = new Y.XmlElement('blockquote')
      parent.insert(0, [child])
      parent = child
    }
  })
  return Y.encodeStateAsUpdate(doc)
}
