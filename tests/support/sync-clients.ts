import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE } from '../../shared/sync/protocol'

// Each stock WebsocketProvider listens for the process's exit (to withdraw its presence); a suite holds
// dozens of them open at once, which is not the leak Node's default warning at 10 listeners looks for.
process.setMaxListeners(Math.max(process.getMaxListeners(), 200))

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Poll until `check` is true (or fail with `what` after `timeoutMs`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await sleep(25)
  }
  throw new Error(`timed out waiting for: ${what}`)
}

export interface StockClient {
  doc: Y.Doc
  provider: WebsocketProvider
  synced: Promise<boolean>
  /** Close codes the socket saw, in order. */
  closes: number[]
  /**
   * Our "stored up to here" acknowledgements, for a client opened with `WITH_ACKS`: how many of this
   * connection's write messages the server had processed at each. Recorded from the first frame, since
   * ws hands a client every frame of one read in one turn: a handler set once `synced` resolves would
   * miss an acknowledgement that came in the same read as the server's step 2.
   */
  acks: number[]
  close(): void
}

/**
 * A stock y-websocket client carrying a session cookie, exactly as docs/product.md#interfaces-integrators-rely-on
 * promises integrators: `new WebsocketProvider(origin + '/sync', sectionId, doc)`.
 */
export function stockClient(
  baseUrl: string,
  cookie: string,
  sectionId: string,
  opts: { origin?: string; params?: Record<string, string> } = {},
): StockClient {
  const closes: number[] = []
  const headers: Record<string, string> = { cookie, origin: opts.origin ?? baseUrl }
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
      this.on('close', (code) => closes.push(code))
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/sync', sectionId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
    params: opts.params ?? {},
  })
  const acks: number[] = []
  provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) => {
    acks.push(decoding.readVarUint(decoder))
  }
  const synced = new Promise<boolean>((resolve) => {
    if (provider.synced) return resolve(true)
    provider.once('sync', () => resolve(true))
    setTimeout(() => resolve(false), 8000)
  })
  return {
    doc,
    provider,
    synced,
    closes,
    acks,
    close: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** The options that make the server acknowledge each processed write message to a `stockClient`. */
export const WITH_ACKS = { params: { acks: '1' } }

/**
 * Runs `write` on the client's document and resolves once the server has processed it (stored it, or
 * refused it): the acknowledgement that follows it. Whatever the server sends because of that write, on
 * any socket, it has sent by then, before anything it sends there later — so an absence checked after a
 * later event on the other socket is an absence, not a message still on its way.
 */
export async function processed(c: StockClient, write: (doc: Y.Doc) => void, what: string) {
  await eventually(() => c.acks.length > 0, 'the handshake is acknowledged')
  const before = c.acks.at(-1)!
  write(c.doc)
  await eventually(() => c.acks.at(-1)! > before, what)
}

/** Append a paragraph to the section's rich text, as Tiptap would. */
export function appendParagraph(doc: Y.Doc, text: string) {
  const body = doc.getXmlFragment('body')
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(text)])
    body.push([p])
  })
}

// toJSON is the fragment's XML text (its toString, which the typings leave out).
export const bodyText = (doc: Y.Doc) => doc.getXmlFragment('body').toJSON()

/** A raw socket for sending bytes no Yjs client would. */
export function rawSocket(baseUrl: string, path: string, headers: Record<string, string>) {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, { headers })
  const received: Buffer[] = []
  ws.on('message', (d: Buffer) => received.push(d))
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve())
    ws.on('error', reject)
  })
  return { ws, received, closed, opened }
}
