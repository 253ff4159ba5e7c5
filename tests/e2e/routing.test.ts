import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DESKTOP, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'

/**
 * The client's routes, as the router is swapped (react-router to wouter): which address shows what,
 * and which navigations add a history entry (Back) and which replace the one they start from.
 */
describe.skipIf(!HAS_CHROMIUM)('addresses and navigation, in the browser', () => {
  const live = livePlanBrowser()
  const workspaceUrl = () => `${live.server.url}/w/${live.fx.workspace.id}`
  const planPath = () => `/w/${live.fx.workspace.id}/plans/${live.fx.plan.id}`
  const historyLength = (page: Page) => page.evaluate(() => history.length)
  const workspaceNav = (page: Page) => page.getByRole('navigation', { name: 'Workspace navigation' })

  async function signedOutPage() {
    const context = await live.browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    return { page, close: () => context.close() }
  }

  it('an address that leads nowhere is the not-found page, never the workspace layout', async () => {
    const { page, close } = await signedOutPage()
    for (const url of [`${live.server.url}/nowhere`, `${workspaceUrl()}/nowhere`, `${workspaceUrl()}/settings/x`]) {
      await page.goto(url)
      await page.getByRole('heading', { name: 'Page not found' }).waitFor()
      expect(page.url()).toBe(url)
    }
    await close()

    const owner = await live.pageAs(live.fx.owner, '')
    await workspaceNav(owner).waitFor()
    await owner.goto(`${live.server.url}${planPath()}/nowhere`)
    await owner.getByRole('heading', { name: 'Page not found' }).waitFor()
    expect(await workspaceNav(owner).count()).toBe(0)
    // Its way out: "/" opens the workspace used last.
    await owner.getByRole('link', { name: 'Go to your workspaces' }).click()
    await owner.waitForURL(workspaceUrl())
  })

  it('settings opens General in place of itself', async () => {
    const page = await live.pageAs(live.fx.owner, '')
    await workspaceNav(page).waitFor()
    const before = await historyLength(page)
    await page.goto(`${workspaceUrl()}/settings`)
    await page.waitForURL(`${workspaceUrl()}/settings/general`)
    expect(await historyLength(page)).toBe(before + 1)
    await page.goBack()
    await page.waitForURL((url) => url.pathname === planPath())
  })

  it('a sidebar link adds one history entry and keeps the layout; a link to the open page adds none', async () => {
    const page = await live.pageAs(live.fx.owner, '')
    const nav = workspaceNav(page)
    await nav.waitFor()
    await nav.evaluate((el) => (el.dataset.kept = 'yes'))
    const before = await historyLength(page)
    await nav.getByRole('link', { name: 'Members', exact: true }).click()
    await page.waitForURL(`${workspaceUrl()}/settings/members`)
    await page.getByRole('heading', { name: 'Members' }).waitFor()
    expect(await historyLength(page)).toBe(before + 1)
    expect(await nav.getAttribute('data-kept')).toBe('yes')

    await nav.getByRole('link', { name: 'Members', exact: true }).click()
    await page.waitForTimeout(300)
    expect(await historyLength(page)).toBe(before + 1)
    await page.goBack()
    await page.waitForURL((url) => url.pathname === planPath())
    await page.getByRole('heading', { level: 1, name: 'Social plan 2027' }).waitFor()
  })

  it('the plan view and the open section live in the query, changed in place', async () => {
    const page = await live.pageAs(live.fx.owner, '')
    await page.getByRole('heading', { level: 1, name: 'Social plan 2027' }).waitFor()
    const before = await historyLength(page)
    const query = () => new URL(page.url()).search

    const views = page.getByRole('radiogroup', { name: 'Plan view' })
    await views.getByText('Overview', { exact: true }).click()
    await expect.poll(query).toBe('?view=overview')
    // The address changes at once; the control shows the new view once it has drawn.
    await expect.poll(() => views.getByRole('radio', { name: 'Overview' }).isChecked()).toBe(true)
    await views.getByText('Sections', { exact: true }).click()
    await expect.poll(query).toBe('')
    await page.getByRole('navigation', { name: 'Sections' }).locator('ol').getByRole('button').nth(1).click()
    await expect.poll(query).toMatch(/^\?section=[\w-]+$/)
    expect(live.fx.plan.sections.map((s) => `?section=${s.id}`)).toContain(query())
    expect(await historyLength(page)).toBe(before)
  })

  it('signed out, a plan address goes to sign in and back to the same address, query and all', async () => {
    const { page, close } = await signedOutPage()
    const target = `${planPath()}?section=${live.fx.shared.id}`
    await page.goto(live.server.url + target)
    await page.waitForURL(`${live.server.url}/signin?next=${encodeURIComponent(target)}`)
    const length = await historyLength(page)
    expect(await page.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe(
      `/signup?next=${encodeURIComponent(target)}`,
    )
    await page.getByLabel('Email').fill(live.fx.owner.user!.email)
    await page.getByLabel('Password', { exact: true }).fill(live.fx.owner.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(live.server.url + target)
    await page.getByRole('heading', { level: 1, name: 'Social plan 2027' }).waitFor()
    // Both hops replaced the entry they left: Back does not return to the sign-in page.
    expect(await historyLength(page)).toBe(length)
    await close()
  })
})
