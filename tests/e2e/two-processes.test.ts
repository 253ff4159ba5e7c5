import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../../server/auth/cookie'
import type { ApiClient } from '../support/api'
import { artifactPath, launchBrowser } from '../support/browser'
import { CAN_CLUSTER, type RunningCluster, startCluster } from '../support/cluster'
import { DESKTOP } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import type { ServerProcess } from '../support/server-process'
import { planWithPeople } from '../support/sync-fixture'
import { proseText } from '../support/prose'

/**
 * Production mode as people see it: two colleagues whose browsers reached different server processes
 * (PostgreSQL + Redis) write one section together and see each other there and in the plan.
 */
describe.skipIf(!HAS_CHROMIUM || !CAN_CLUSTER)('two server processes in the browser', () => {
  let cluster: RunningCluster
  let a: ServerProcess
  let b: ServerProcess
  let fx: Awaited<ReturnType<typeof planWithPeople>>
  let browser: Browser

  beforeAll(async () => {
    cluster = await startCluster(2)
    ;[a, b] = cluster.servers as [ServerProcess, ServerProcess]
    fx = await planWithPeople(a.url)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await cluster?.dispose()
  })

  async function pageOn(server: ServerProcess, who: ApiClient): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 })
    await context.addCookies([{ name: SESSION_COOKIE, value: who.cookies.get(SESSION_COOKIE)!, url: server.url }])
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${server.url}/w/${fx.workspace.id}/plans/${fx.plan.id}?section=${fx.shared.id}`)
    await page.locator('.planroom-prose').waitFor()
    return page
  }

  it('typing through A and B converges, with carets and presence across processes', { timeout: 90_000 }, async () => {
    const olivia = await pageOn(a, fx.owner)
    const mo = await pageOn(b, fx.marketingEditor)
    await olivia.locator('.planroom-prose').click()
    await mo.locator('.planroom-prose').click()
    await Promise.all([
      olivia.keyboard.type('Olivia on process A. ', { delay: 15 }),
      mo.keyboard.type('Mo on process B. ', { delay: 15 }),
    ])
    await expect.poll(() => proseText(olivia)).toContain('Mo on process B.')
    await expect.poll(() => proseText(mo)).toContain('Olivia on process A.')
    await expect.poll(async () => (await proseText(olivia)) === (await proseText(mo))).toBe(true)
    await olivia.locator('.collaboration-carets__label', { hasText: 'Mo Marketing' }).waitFor()
    await mo.locator('.collaboration-carets__label', { hasText: 'Olivia Owner' }).waitFor()
    for (const page of [olivia, mo]) await page.locator('[aria-label="2 people here"]').first().waitFor()
    await mo.screenshot({ path: artifactPath('two-processes.png'), animations: 'disabled' })
  })
})
