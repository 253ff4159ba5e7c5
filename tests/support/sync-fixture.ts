import { afterAll, beforeAll } from 'vitest'
import * as Y from 'yjs'
import { readConfig } from '../../server/config'
import { type RunningPlanroom, startPlanroom } from '../../server/start'
import { createUpdateLog } from '../../server/sync/update-log'
import type { Storage } from '../../server/storage/db'
import { ApiClient, type PlanBody, httpTarget, workspaceFixture } from './api'
import { type StockClient, stockClient } from './sync-clients'
import type { EngineCase, TestDatabase } from './engines'

/** A real Planroom process (in-process here) on a fresh database, listening on a free port. */
export async function startSyncServer(engine: EngineCase, env: Record<string, string> = {}) {
  const database: TestDatabase = await engine.open()
  const running: RunningPlanroom = await startPlanroom(readConfig({ ...database.env, ...env, PORT: '0' }))
  const url = `http://127.0.0.1:${running.port}`
  return {
    url,
    running,
    database,
    async dispose() {
      await running.close()
      await database.dispose()
    },
  }
}

/**
 * A workspace with the people the access rules talk about, and a plan whose sections they use:
 * owner; Sales editor; Marketing editor; commenter; viewer.
 */
export async function planWithPeople(url: string) {
  const target = httpTarget()
  const fx = await workspaceFixture(target, 'Acme', url)
  const salesEditor = await fx.member('editor', { name: 'Sam Sales', departments: ['Sales'] })
  const marketingEditor = await fx.member('editor', { name: 'Mo Marketing', departments: ['Marketing'] })
  const commenter = await fx.member('commenter', { name: 'Cat Commenter' })
  const viewer = await fx.member('viewer', { name: 'Vic Viewer' })
  const plan = (
    await fx.owner.req<PlanBody>('POST', `/api/workspaces/${fx.workspace.id}/plans`, { title: 'Social plan 2027' })
  ).json
  const sections = plan.sections
  const shared = sections.find((s) => s.kind === 'overview')!
  const objectivesOf = (dept: string) =>
    sections.find((s) => s.kind === 'objectives' && s.ownerDepartmentId === fx.dept(dept))!
  return { ...fx, salesEditor, marketingEditor, commenter, viewer, plan, shared, objectivesOf }
}

export const cookieOf = (c: ApiClient) => c.cookieHeader

/** What a database holds for a section, rebuilt exactly as a server start would. */
export async function storedDocIn(storage: Storage, sectionId: string): Promise<Y.Doc> {
  const stored = await createUpdateLog(storage.driver).load(sectionId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state)
  for (const u of stored.updates) Y.applyUpdate(doc, u.data)
  return doc
}

/** What the database of an in-process server holds for a section. */
export const storedDoc = (running: RunningPlanroom, sectionId: string) =>
  storedDocIn(running.services.storage, sectionId)

/** What a test database holds for a section, e.g. one a server child process writes to (crash tests). */
export const storedDocOf = (database: TestDatabase, sectionId: string) => storedDocIn(database.storage, sectionId)

/**
 * What a suite of stock clients against a live server needs, set up once per `describe`: the server on
 * this engine, the plan with its people, and a `client` factory whose sockets are closed afterwards.
 */
export function syncSuite(engine: EngineCase) {
  const open: StockClient[] = []
  const ctx = {
    server: undefined as unknown as Awaited<ReturnType<typeof startSyncServer>>,
    fx: undefined as unknown as Awaited<ReturnType<typeof planWithPeople>>,
    // An arrow, not a method: suites take it off the object (`const client = suite.client`).
    client: (
      who: { cookieHeader: string },
      sectionId: string,
      opts?: Parameters<typeof stockClient>[3],
    ): StockClient => {
      const c = stockClient(ctx.server.url, who.cookieHeader, sectionId, opts)
      open.push(c)
      return c
    },
  }
  beforeAll(async () => {
    ctx.server = await startSyncServer(engine)
    ctx.fx = await planWithPeople(ctx.server.url)
  })
  afterAll(async () => {
    for (const c of open) c.close()
    await ctx.server?.dispose()
  })
  return ctx
}
