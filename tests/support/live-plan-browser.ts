import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { SESSION_COOKIE } from '../../server/auth/cookie'
import type { ApiClient } from './api'
import { launchBrowser } from './browser'
import { ENGINES, type EngineCase, type TestDatabase } from './engines'
import { type ServerProcess, startServerProcess } from './server-process'
import { planWithPeople } from './sync-fixture'

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

export interface LivePlanBrowser {
  readonly server: ServerProcess
  /** The server's database, for what it stored. */
  readonly database: TestDatabase
  readonly fx: Awaited<ReturnType<typeof planWithPeople>>
  readonly browser: Browser
  /** A browser context signed in as `who`, opened on the plan with this query (`section=…`, `view=…`). */
  pageAs(who: ApiClient, query: string, viewport?: { width: number; height: number }): Promise<Page>
}

/**
 * What every browser suite of a live plan needs, set up once per file: a real server process on a
 * fresh database (SQLite unless another engine is given), the workspace and people of
 * `planWithPeople`, and Chromium. `seed` runs after the people exist and before the browser starts.
 */
export function livePlanBrowser(
  seed?: (ctx: LivePlanBrowser) => Promise<void>,
  engine: EngineCase = ENGINES[0]!,
): LivePlanBrowser {
  const contexts: BrowserContext[] = []
  const ctx = {
    server: undefined as unknown as ServerProcess,
    database: undefined as unknown as TestDatabase,
    fx: undefined as unknown as LivePlanBrowser['fx'],
    browser: undefined as unknown as Browser,
    async pageAs(who: ApiClient, query: string, viewport = DESKTOP) {
      const context = await ctx.browser.newContext({ viewport, deviceScaleFactor: 1 })
      contexts.push(context)
      await context.addCookies([{ name: SESSION_COOKIE, value: who.cookies.get(SESSION_COOKIE)!, url: ctx.server.url }])
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${ctx.server.url}/w/${ctx.fx.workspace.id}/plans/${ctx.fx.plan.id}?${query}`)
      return page
    },
  }
  beforeAll(async () => {
    ctx.database = await engine.open()
    ctx.server = await startServerProcess(ctx.database.env)
    ctx.fx = await planWithPeople(ctx.server.url)
    await seed?.(ctx)
    ctx.browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await ctx.browser?.close()
    await ctx.server?.stop()
    await ctx.database?.dispose()
  })
  return ctx
}
