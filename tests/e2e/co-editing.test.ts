import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { type LivePlanBrowser, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import type { ServerProcess } from '../support/server-process'
import { proseEditor, proseText } from '../support/prose'

/**
 * Live co-editing as people see it, in Chromium against a real server process: two people type into one
 * section at once and converge with each other's carets; a viewer reads live but cannot type; offline
 * typing merges on reconnect; "Saved" appears only once the server has stored the change.
 */
describe.skipIf(!HAS_CHROMIUM)('live co-editing in the browser', () => {
  const live = livePlanBrowser()
  let server: ServerProcess
  let fx: LivePlanBrowser['fx']
  beforeAll(() => {
    ;({ server, fx } = live)
  })

  async function pageAs(who: ApiClient, sectionId: string): Promise<Page> {
    const page = await live.pageAs(who, `section=${sectionId}`)
    await page.locator('.planroom-prose').waitFor()
    return page
  }
  const saveStatus = (page: Page) => page.getByTestId('save-status')

  it('two people typing at once converge and see each other’s carets', { timeout: 60_000 }, async () => {
    const olivia = await pageAs(fx.owner, fx.shared.id)
    const sam = await pageAs(fx.salesEditor, fx.shared.id)
    await proseEditor(olivia).click()
    await proseEditor(sam).click()
    await Promise.all([
      olivia.keyboard.type('Olivia writes the business aims. ', { delay: 15 }),
      sam.keyboard.type('Sam adds the sales view. ', { delay: 15 }),
    ])
    await expect.poll(() => proseText(olivia)).toContain('Sam adds the sales view.')
    await expect.poll(() => proseText(sam)).toContain('Olivia writes the business aims.')
    await expect.poll(async () => (await proseText(olivia)) === (await proseText(sam))).toBe(true)
    await olivia.locator('.collaboration-carets__label', { hasText: 'Sam Sales' }).waitFor()
    await sam.locator('.collaboration-carets__label', { hasText: 'Olivia Owner' }).waitFor()
    await olivia.screenshot({ path: artifactPath('co-editing.png'), animations: 'disabled' })
  })

  it('a viewer reads along live but cannot change the text, and is told why', { timeout: 60_000 }, async () => {
    const olivia = await pageAs(fx.owner, fx.shared.id)
    const vic = await pageAs(fx.viewer, fx.shared.id)
    await expect.poll(() => proseEditor(vic).getAttribute('contenteditable')).toBe('false')
    await vic.getByTestId('read-only-notice').getByText('read-only').waitFor()
    await proseEditor(olivia).click()
    await olivia.keyboard.press('End')
    await olivia.keyboard.type(' Viewers see this live.')
    await expect.poll(() => proseText(vic)).toContain('Viewers see this live.')
    const before = await proseText(vic)
    await proseEditor(vic).click()
    await vic.keyboard.type('viewer typing')
    expect(await proseText(vic)).toBe(before)
    await vic.screenshot({ path: artifactPath('co-editing-viewer.png'), animations: 'disabled' })
  })

  it('typing offline is kept, counted, and merges on reconnect', { timeout: 60_000 }, async () => {
    const section = fx.objectivesOf('Sales')
    const sam = await pageAs(fx.salesEditor, section.id)
    const olivia = await pageAs(fx.owner, section.id)
    await expect.poll(() => saveStatus(sam).innerText()).toBe('Saved')
    await sam.context().setOffline(true)
    await expect.poll(() => saveStatus(sam).innerText()).toMatch(/^Offline/)
    await proseEditor(sam).click()
    await sam.keyboard.type('Written on the train.')
    await expect.poll(() => saveStatus(sam).innerText()).toMatch(/^Offline — \d+ changes? not saved yet$/)
    await sam.screenshot({ path: artifactPath('co-editing-offline.png'), animations: 'disabled' })
    await proseEditor(olivia).click()
    await olivia.keyboard.type('Olivia, online meanwhile. ')
    expect(await proseText(olivia)).not.toContain('Written on the train.')
    await sam.context().setOffline(false)
    await expect.poll(() => proseText(olivia), { timeout: 20_000 }).toContain('Written on the train.')
    await expect.poll(() => proseText(sam)).toContain('Olivia, online meanwhile.')
    await expect.poll(() => saveStatus(sam).innerText(), { timeout: 20_000 }).toBe('Saved')
  })

  it('says "Saved" only once the server has stored the change', { timeout: 60_000 }, async () => {
    const olivia = await pageAs(fx.owner, fx.objectivesOf('Marketing').id)
    await expect.poll(() => saveStatus(olivia).innerText()).toBe('Saved')
    // A server that cannot answer cannot have stored anything: the change must not be called saved.
    server.child.kill('SIGSTOP')
    try {
      await proseEditor(olivia).click()
      await olivia.keyboard.type('Not stored while the server is frozen.')
      await expect.poll(() => saveStatus(olivia).innerText()).toBe('Saving…')
      await olivia.waitForTimeout(1500)
      expect(await saveStatus(olivia).innerText()).toBe('Saving…')
    } finally {
      server.child.kill('SIGCONT')
    }
    await expect.poll(() => saveStatus(olivia).innerText(), { timeout: 20_000 }).toBe('Saved')
    // Stored: a fresh reader (a new page load) sees it straight from the server.
    const fresh = await pageAs(fx.marketingEditor, fx.objectivesOf('Marketing').id)
    await expect.poll(() => proseText(fresh)).toContain('Not stored while the server is frozen.')
  })
})
