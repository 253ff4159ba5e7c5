import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/browser'
import { livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'

/**
 * "Subscribe in your calendar" as an owner uses it, in Chromium against a real server process: the
 * dialog (loaded when first opened) makes the plan's secret .ics address and shows it once; a calendar
 * app with no account reads the feed from it; revoking it stops the feed and the dialog forgets it.
 */
describe.skipIf(!HAS_CHROMIUM)('the calendar feed in the browser', () => {
  const live = livePlanBrowser()

  it('makes an address shown once, that a calendar app reads, until it is revoked', { timeout: 60_000 }, async () => {
    const page = await live.pageAs(live.fx.owner, '')
    const openDialog = async () => {
      await page.getByRole('button', { name: 'Plan actions' }).click()
      await page.getByRole('menuitem', { name: 'Subscribe in your calendar…' }).click()
      return page.getByRole('dialog', { name: 'Subscribe in your calendar' })
    }
    let dialog = await openDialog()
    await dialog.getByRole('button', { name: 'Make calendar address' }).click()
    const address = dialog.getByLabel('Calendar address', { exact: true })
    await expect.poll(() => address.inputValue()).toMatch(/^https?:\/\/.+\.ics$/)
    const url = await address.inputValue()
    await dialog.getByRole('button', { name: 'Copy calendar address' }).waitFor()
    await page.screenshot({ path: artifactPath('calendar-feed-dialog.png'), animations: 'disabled' })

    // What a calendar app fetches, with no session: the plan's dates as iCalendar.
    const feed = await fetch(new URL(new URL(url).pathname, live.server.url))
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/)

    await dialog.getByRole('button', { name: 'Revoke address' }).click()
    await dialog.getByRole('button', { name: 'Make calendar address' }).waitFor()
    expect((await fetch(new URL(new URL(url).pathname, live.server.url))).status).toBe(404)
    // Shown only when made: closed and opened again, the dialog has no address to show.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    dialog = await openDialog()
    await dialog.getByRole('button', { name: 'Make calendar address' }).waitFor()
    expect(await dialog.getByLabel('Calendar address', { exact: true }).count()).toBe(0)
  })
})
