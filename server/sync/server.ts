import { type IncomingMessage, STATUS_CODES, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { ACK_PARAM, CLOSE, EVENTS_PARAM, SYNC_LIMITS } from '../../shared/sync/protocol'
import { sessionTokenFromCookieHeader } from '../auth/cookie'
import { validateSessionToken } from '../auth/sessions'
import { isSameOrigin } from '../http/origin'
import { log } from '../log'
import type { Services } from '../services'
import type { DbOrTx } from '../storage/database'
import { resolveRoomAccess } from './access'
import { SyncConnection } from './connection'
import type { DocumentHub } from './hub'
import { shield } from './guard'
import { isAudience, planEventMessage } from './plan-events'

/** An upgrade that goes no further gets an HTTP answer on the raw socket, which is then closed. */
function refuseUpgrade(socket: Duplex, status: 400 | 404 | 500) {
  if (!socket.writable) return socket.destroy()
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

const SECTION_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})$/

/**
 * Live sync at /sync/<sectionId> (docs/product.md#interfaces-integrators-rely-on): the session cookie and Origin are checked at upgrade, before
 * any document byte is sent; afterwards every message is judged by the connection's current rights.
 */
export class SyncServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: SYNC_LIMITS.maxFrameBytes })
  private readonly connections = new Set<SyncConnection>()
  /** Connections that asked for MESSAGE.planEvent (`?events=1`): our own client, not stock ones. */
  private readonly eventListeners = new Set<SyncConnection>()
  private readonly unsubscribe: () => void

  constructor(
    private readonly services: Services,
    private readonly hub: DocumentHub,
  ) {
    const { access } = services
    access.on('memberChanged', ({ workspaceId, userId, removed }) =>
      this.each(
        (c) => c.workspaceId === workspaceId && c.who.userId === userId,
        (c) => (removed ? c.close(CLOSE.forbidden, 'removed from the workspace') : c.markAccessStale()),
      ),
    )
    access.on('workspaceChanged', ({ workspaceId }) =>
      this.each(
        (c) => c.workspaceId === workspaceId,
        (c) => c.markAccessStale(),
      ),
    )
    access.on('planDeleted', ({ planId }) => this.revoke((c) => c.planId === planId, CLOSE.forbidden, 'plan deleted'))
    access.on('sessionEnded', ({ sessionId }) =>
      this.revoke((c) => c.who.sessionId === sessionId, CLOSE.unauthenticated, 'signed out'),
    )
    this.unsubscribe = services.planEvents.subscribe((event) => {
      const message = planEventMessage(event)
      this.each(
        (c) => isAudience(event, c),
        (c) => c.send(message),
        this.eventListeners,
      )
    })
  }

  /** Made once: a connection's callbacks must not hold the scope that accepted it (see `accessOf`). */
  private readonly forget = (c: SyncConnection) => {
    this.connections.delete(c)
    this.eventListeners.delete(c)
  }

  attach(server: Server) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      shield(
        'upgrade',
        () => ({ target: req.url }),
        () => refuseUpgrade(socket, 500),
        () => this.upgrade(req, socket, head),
      ),
    )
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    // A reset from the client while we answer must not become an unhandled 'error' event.
    socket.on('error', destroySocket)
    // A request target that is not a URL (`GET http://[::1/sync/x`) is a bad request, as over plain HTTP.
    if (!URL.canParse(req.url ?? '/', 'http://localhost')) return refuseUpgrade(socket, 400)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    if (!path.startsWith('/sync')) return refuseUpgrade(socket, 404)
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // Nothing more is read until the session is checked; what arrived with the upgrade is kept.
      ws.pause()
      const buffered: Uint8Array[] = []
      const hold = (data: Buffer) => buffered.push(new Uint8Array(data))
      ws.on('message', hold)
      ws.on('error', ignoreError)
      // Only clients that ask for "stored" acknowledgements get them: stock clients would log an unknown type.
      const wants = {
        acks: url.searchParams.get(ACK_PARAM) === '1',
        events: url.searchParams.get(EVENTS_PARAM) === '1',
      }
      shield(
        'accept',
        () => ({ path }),
        () => {
          ws.resume()
          ws.close(1011, 'internal error')
        },
        async () => {
          const conn = await this.accept(ws, req, path, wants)
          ws.off('message', hold)
          conn?.start(buffered)
        },
      )
    })
  }

  private async accept(
    ws: WebSocket,
    req: IncomingMessage,
    path: string,
    wants: { acks: boolean; events: boolean },
  ): Promise<SyncConnection | null> {
    const refuse = (code: number, reason: string, context: Record<string, unknown> = {}) => {
      log.info('sync connection refused', { reason, path, ...context })
      ws.resume() // to read the client's answer to our close frame
      ws.close(code, reason)
      return null
    }
    const { config, storage } = this.services
    const origin = req.headers.origin
    if (origin && !isSameOrigin(origin, req.headers.host, config.publicUrl ? [config.publicUrl] : []))
      return refuse(CLOSE.foreignOrigin, 'foreign origin', { origin })
    const token = sessionTokenFromCookieHeader(req.headers.cookie)
    const auth = token ? await validateSessionToken(storage.db, token).catch(() => null) : null
    if (!auth) return refuse(CLOSE.unauthenticated, 'no session')
    const sectionId = SECTION_PATH.exec(path)?.[1]
    if (!sectionId) return refuse(CLOSE.forbidden, 'no such section', { userId: auth.user.id })
    const refresh = accessOf(storage.db, sectionId, auth.user.id)
    const access = await refresh()
    if (!access?.canRead) return refuse(CLOSE.forbidden, 'no access', { userId: auth.user.id, sectionId })
    if (ws.readyState !== ws.OPEN) return null
    const who = { userId: auth.user.id, name: auth.user.name, sessionId: auth.session.id, sectionId }
    const conn = new SyncConnection(ws, who, access, {
      hub: this.hub,
      refreshAccess: refresh,
      wantsAcks: wants.acks,
      onClosed: this.forget,
    })
    this.connections.add(conn)
    if (wants.events) this.eventListeners.add(conn)
    return conn
  }

  /** Do something to every connection that matches; a failure on one is logged and ends only that one. */
  private each(
    predicate: (c: SyncConnection) => boolean,
    act: (c: SyncConnection) => void,
    among: Iterable<SyncConnection> = this.connections,
  ) {
    for (const c of [...among]) {
      shield(
        'event',
        () => ({ userId: c.who.userId, sectionId: c.who.sectionId }),
        () => c.close(1011, 'internal error'),
        () => predicate(c) && act(c),
      )
    }
  }

  /** Close every connection that matches, with a close code the client understands. */
  revoke(predicate: (c: SyncConnection) => boolean, code: number, reason: string) {
    this.each(predicate, (c) => c.close(code, reason))
  }

  get connectionCount() {
    return this.connections.size
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- callers await every server's close alike; a failure rejects
  async close() {
    this.unsubscribe()
    this.revoke(() => true, CLOSE.goingAway, 'server shutting down')
    this.wss.close()
  }
}

/*
 * What a connection keeps for its lifetime is made outside the functions that accept it. A closure
 * holds its whole scope chain: one made inside the upgrade handler would keep the upgrade request, its
 * headers and its URL alive as long as the socket (about 2.5 KB a connection, measured on 2,000 idle ones).
 */

function destroySocket(this: Duplex) {
  this.destroy()
}

function ignoreError() {}

/** How a connection re-reads its access: holding ids and the database, not the session it was opened with. */
function accessOf(db: DbOrTx, sectionId: string, userId: string) {
  return () => resolveRoomAccess(db, sectionId, userId)
}
