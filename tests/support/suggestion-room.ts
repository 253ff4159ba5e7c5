import { afterAll, beforeAll, expect } from 'vitest'
import type * as Y from 'yjs'
import type { ErrorBody } from '../../shared/api/errors'
import type { Suggestion, SuggestionList } from '../../shared/suggestions/schema'
import type { ApiClient, ApiResponse } from './api'
import type { EngineCase } from './engines'
import { eventually, type StockClient, stockClient } from './sync-clients'
import { planWithPeople, startSyncServer } from './sync-fixture'

/** What the owner writes in the section before the suggestion tests start, and how a client sees it. */
export interface RoomSeed {
  write: (doc: Y.Doc) => void
  written: (doc: Y.Doc) => boolean
}

export interface SuggestionRoom {
  server: Awaited<ReturnType<typeof startSyncServer>>
  fx: Awaited<ReturnType<typeof planWithPeople>>
  section: string
  owner: StockClient
  commenter: StockClient
  watcher: StockClient
  /** Another stock client for `who`, of the room's section unless told another. */
  client(who: ApiClient, sectionId?: string): StockClient
  everyone(): StockClient[]
  /** The section's pending suggestions, as the owner lists them. */
  pending(): Promise<SuggestionList>
  post(who: ApiClient, body: object): Promise<ApiResponse<Suggestion & ErrorBody>>
}

/**
 * The room every suggestion suite starts from: a server on `engine`, a plan with its people, and one
 * section open as stock y-websocket clients for the owner (who may decide), a commenter (who may only
 * suggest) and a viewer (who watches), all holding what the owner seeded. Its fields are set once
 * the suite's `beforeAll` has run; every client it opens is closed after the suite.
 */
export function suggestionRoom(engine: EngineCase, seed: RoomSeed): SuggestionRoom {
  const open: StockClient[] = []
  // Set in beforeAll, before any test reads them.
  const room: SuggestionRoom = {
    server: null!,
    fx: null!,
    section: '',
    owner: null!,
    commenter: null!,
    watcher: null!,
    client(who, sectionId = room.section) {
      const c = stockClient(room.server.url, who.cookieHeader, sectionId)
      open.push(c)
      return c
    },
    everyone: () => [room.owner, room.commenter, room.watcher],
    pending: async () =>
      (await room.fx.owner.req<SuggestionList>('GET', `/api/sections/${room.section}/suggestions`)).json,
    post: (who, body) => who.req<Suggestion & ErrorBody>('POST', `/api/sections/${room.section}/suggestions`, body),
  }
  beforeAll(async () => {
    room.server = await startSyncServer(engine)
    room.fx = await planWithPeople(room.server.url)
    room.section = room.fx.shared.id
    room.owner = room.client(room.fx.owner)
    room.commenter = room.client(room.fx.commenter)
    room.watcher = room.client(room.fx.viewer)
    for (const c of room.everyone()) expect(await c.synced).toBe(true)
    seed.write(room.owner.doc)
    await eventually(() => room.everyone().every((c) => seed.written(c.doc)), 'everyone has what the owner wrote')
  })
  afterAll(async () => {
    for (const c of open) c.close()
    await room.server?.dispose()
  })
  return room
}
