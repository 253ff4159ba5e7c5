import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../../server/auth/cookie'
import { ApiClient, httpTarget } from '../support/api'
import { artifactPath, launchBrowser } from '../support/browser'
import { ENGINES, type TestDatabase } from '../support/engines'
import { HAS_CHROMIUM } from '../support/requirements'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { planWithPeople } from '../support/sync-fixture'

/**
 * Live co-editing as people see it, in Chromium against a real server process: two people type into one
 * section at once and converge with each other's carets; a viewer reads live but cannot type; offline
 * typing merges on reconnect; "Saved" appears only once the server has stored the change.
 */
describe.skipIf(!HAS_CHROMIUM)('live co-editing in the browser', () => {
  let database: TestDatabase
  let server: ServerProcess
  let browser: Browser
  let fx: Awaited<ReturnType<typeof planWithPeople>>
  const contexts: BrowserContext[] = []

  async function pageAs(who: ApiClient, sectionId: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    contexts.push(context)
    await context.addCookies([{ name: SESSION_COOKIE, value: who.cookies.get(SESSION_COOKIE)!, url: server.url }])
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${server.url}/w/${fx.workspace.id}/plans/${fx.plan.id}?section=${sectionId}`)
    await page.locator('.planroom-prose').waitFor()
    return page
  }
  const editor = (page: Page) => page.locator('.planroom-prose')
  const saveStatus = (page: Page) => page.getByTestId('save-status')
  /** The text people read: without the other people's caret labels, which are decorations. */
  const text = (page: Page) =>
    editor(page).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
      return copy.innerText
    })

  beforeAll(async () => {
    database = await ENGINES[0]!.open()
    server = await startServerProcess(database.env)
    fx = await planWithPeople(server.url)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await server?.stop()
    await database?.dispose()
  })

  it('two people typing at once converge and see each other’s carets', { timeout: 60_000 }, async () => {
    const olivia = await pageAs(fx.owner, fx.shared.id)
    const sam = await pageAs(fx.salesEditor, fx.shared.id)
    await editor(olivia).click()
    await editor(sam).click()
    await Promise.all([
      olivia.keyboard.type('Olivia writes the business aims. ', { delay: 15 }),
      sam.keyboard.type('Sam adds the sales view. ', { delay: 15 }),
    ])
    await expect.poll(() => text(olivia)).toContain('Sam adds the sales view.')
    await expect.poll(() => text(sam)).toContain('Olivia writes the business aims.')
    await expect.poll(async () => (await text(olivia)) === (await text(sam))).toBe(true)
    await olivia.locator('.collaboration-carets__label', { hasText: 'Sam Sales' }).waitFor()
    await sam.locator('.collaboration-carets__label', { hasText: 'Olivia Owner' }).waitFor()
    await olivia.screenshot({ path: artifactPath('co-editing.png'), animations: 'disabled' })
  })

  it('a viewer reads along live but cannot change the text, and is told why', { timeout: 60_000 }, async () => {
    const olivia = await pageAs(fx.owner, fx.shared.id)
    const vic = await pageAs(fx.viewer, fx.shared.id)
    await expect.poll(() => editor(vic).getAttribute('contenteditable')).toBe('false')
    await vic.getByTestId('read-only-notice').getByText('read-only').waitFor()
    await editor(olivia).click()
    await olivia.keyboard.press('End')
    await olivia.keyboard.type(' Viewers see this live.')
    await expect.poll(() => text(vic)).toContain('Viewers see this live.')
    const before = await text(vic)
    await editor(vic).click()
    await vic.keyboard.type('viewer typing')
    expect(await text(vic)).toBe(before)
    await vic.screenshot({ path: artifactPath('co-editing-viewer.png'), animations: 'disabled' })
  })

  it('typing offline is kept, counted, and merges on reconnect', { timeout: 60_000 }, async () => {
    const section = fx.objectivesOf('Sales')
    const sam = await pageAs(fx.salesEditor, section.id)
    const olivia = await pageAs(fx.owner, section.id)
    await expect.poll(() => saveStatus(sam).innerText()).toBe('Saved')
    await sam.context().setOffline(true)
    await expect.poll(() => saveStatus(sam).innerText()).toMatch(/^Offline/)
    await editor(sam).click()
    await sam.keyboard.type('Written on the train.')
    await expect.poll(() => saveStatus(sam).innerText()).toMatch(/^Offline — \d+ changes? not saved yet$/)
    await sam.screenshot({ path: artifactPath('co-editing-offline.png'), animations: 'disabled' })
    await editor(olivia).click()
    await olivia.keyboard.type('Olivia, online meanwhile. ')
    expect(await text(olivia)).not.toContain('Written on the train.')
    await sam.context().setOffline(false)
    await expect.poll(() => text(olivia), { timeout: 20_000 }).toContain('Written on the train.')
    await expect.poll(() => text(sam)).toContain('Olivia, online meanwhile.')
    await expect.poll(() => saveStatus(sam).innerText(), { timeout: 20_000 }).toBe('Saved')
  })

  it('says "Saved" only once the server has stored the change', { timeout: 60_000 }, async () => {
    const olivia = await pageAs(fx.owner, fx.objectivesOf('Marketing').id)
    await expect.poll(() => saveStatus(olivia).innerText()).toBe('Saved')
    // A server that cannot answer cannot have stored anything: the change must not be called saved.
    server.child.kill('SIGSTOP')
    try {
      await editor(olivia).click()
      await olivia.keyboard.type('Not stored while the server is frozen.')
      await expect.poll(() => saveStatus(olivia).innerText()).toBe('Saving…')
      await olivia.waitForTimeout(1500)
      expect(await saveStatus(olivia).innerText()).toBe('Saving…')
    } finally {
      server.child.kill('SIGCONT')
    }
    await expect.poll(() => saveStatus(olivia).innerText(), { timeout: 20_000 }).toBe('Saved')
    const check = new ApiClient(httpTarget(), server.url)
    check.cookies = fx.owner.cookies
    // Stored: a fresh reader (a new page load) sees it straight from the server.
    const fresh = await pageAs(fx.marketingEditor, fx.objectivesOf('Marketing').id)
    await expect.poll(() => text(fresh)).toContain('Not stored while the server is frozen.')
  })
})
