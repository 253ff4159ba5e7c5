import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { PlanList } from '../../shared/plans/schema'
import { uniqueEmail } from '../support/api'
import { DESKTOP, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'

/**
 * Joining lands somewhere useful (issue 15, item 7): a colleague who opens an invite signed out, signs
 * up there and joins lands on the workspace's newest plan; on the way, and on the signed-out pages
 * before it, the server answers no 401 and no 410 and the console shows none (the used invite is not
 * asked for again, and "who is signed in?" is not an error when nobody is).
 */
describe.skipIf(!HAS_CHROMIUM)('joining from an invite, in the browser', () => {
  const live = livePlanBrowser()

  /** A signed-out page that records every 401 or 410 answer, every console error and every script error. */
  async function watchedPage() {
    const context = await live.browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    const trouble: string[] = []
    // A fetch the server refused shows in the console too, as "Failed to load resource: … 401".
    page.on('console', (m) => {
      if (m.type() === 'error') trouble.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => trouble.push(`script error: ${e.message}`))
    page.on('response', (r) => {
      if (r.status() === 401 || r.status() === 410) trouble.push(`${r.status()} ${new URL(r.url()).pathname}`)
    })
    return { page, trouble, close: () => context.close() }
  }
  const settle = (page: Page) => page.waitForTimeout(1_000)

  it('logs nothing on the signed-out pages', { timeout: 120_000 }, async () => {
    const { page, trouble, close } = await watchedPage()
    await page.goto(`${live.server.url}/signin`)
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await settle(page)
    await page.goto(`${live.server.url}/signup`)
    await page.getByLabel('Work email').waitFor()
    await settle(page)
    // A page behind sign-in sends a signed-out visitor to sign in, quietly.
    await page.goto(`${live.server.url}/w/${live.fx.workspace.id}`)
    await page.waitForURL(/\/signin/)
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await settle(page)
    expect(trouble).toEqual([])
    await close()
  })

  it(
    'signs up from the invite and lands on the newest plan, without a 410 or a 401',
    { timeout: 120_000 },
    async () => {
      const { owner, workspace, dept } = live.fx
      const invite = await owner.req<{ token: string }>('POST', `/api/workspaces/${workspace.id}/invites`, {
        role: 'editor',
        departmentIds: [dept('Marketing')],
      })
      expect(invite.status).toBe(201)
      const newest = (await owner.req<z.infer<typeof PlanList>>('GET', `/api/workspaces/${workspace.id}/plans`)).json
        .plans[0]!

      const { page, trouble, close } = await watchedPage()
      await page.goto(`${live.server.url}/invite/${invite.json.token}`)
      await page.getByText('Olivia Owner invited you to join Acme as Editor (Marketing)').waitFor()
      await page.getByLabel('Name').fill('Nina Newcomer')
      await page.getByLabel('Work email').fill(uniqueEmail('nina'))
      await page.getByRole('textbox', { name: 'Password' }).fill('a long enough password')
      await page.getByRole('button', { name: 'Create account' }).click()

      await page.waitForURL(`${live.server.url}/w/${workspace.id}/plans/${newest.id}`)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(newest.title)
      await settle(page)
      expect(trouble).toEqual([])
      await close()
    },
  )
})
