import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

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
  close(): void
}

/**
 * A stock y-websocket client carrying a session cookie, exactly as SPEC §9 promises integrators:
 * `new WebsocketProvider(origin + '/sync', sectionId, doc)`.
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
    close: () => {
      provider.destroy()
      doc.destroy()
    },
  }
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
