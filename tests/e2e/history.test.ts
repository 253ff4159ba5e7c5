import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { setField } from '../../shared/plan-model/write'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { type LivePlanBrowser, PHONE, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import { appendParagraph, bodyText, eventually, stockClient } from '../support/sync-clients'
import { poll } from '../support/prose'

/**
 * A section's history in Chromium against a real server: a named version and later edits (made by a
 * stock client), the history drawer showing what changed since word by word and field by field, a
 * restore from one browser seen live in another, and a viewer who reads history without restoring.
 */

describe.skipIf(!HAS_CHROMIUM)('version history in the browser', () => {
  let fx: LivePlanBrowser['fx']

  /** Edit the overview through a stock client, then wait until a fresh client reads it back from the server. */
  async function edit(ctx: LivePlanBrowser, change: (doc: Y.Doc) => void, stored: (text: string) => boolean) {
    const writer = stockClient(ctx.server.url, ctx.fx.owner.cookieHeader, ctx.fx.shared.id)
    expect(await writer.synced).toBe(true)
    change(writer.doc)
    const reader = stockClient(ctx.server.url, ctx.fx.owner.cookieHeader, ctx.fx.shared.id)
    try {
      await eventually(() => stored(bodyText(reader.doc)), 'the edit is stored')
    } finally {
      reader.close()
      writer.close()
    }
  }

  const live = livePlanBrowser(async (ctx) => {
    await edit(
      ctx,
      (doc) => {
        appendParagraph(doc, 'We answer every message within four hours, in our own words.')
        appendParagraph(doc, 'Our tone is warm and direct.')
        setField(doc, 'overview', 'audience', 'Families who live nearby')
      },
      (text) => text.includes('warm and direct'),
    )
    expect(
      (
        await ctx.fx.owner.req('POST', `/api/sections/${ctx.fx.shared.id}/versions`, {
          name: 'Sent to the board, March',
        })
      ).status,
    ).toBe(201)
    await edit(
      ctx,
      (doc) => {
        const first = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText
        const at = first.toJSON().indexOf('four')
        doc.transact(() => {
          first.delete(at, 'four'.length)
          first.insert(at, 'two')
        })
        appendParagraph(doc, 'We post three times a week.')
        setField(doc, 'overview', 'audience', 'Families and students who live nearby')
      },
      (text) => text.includes('three times a week'),
    )
  })
  beforeAll(() => {
    fx = live.fx
  })

  const openSection = async (who: ApiClient, viewport?: typeof PHONE) => {
    const page = await live.pageAs(who, `section=${fx.shared.id}`, viewport)
    await page.locator('.planroom-prose').waitFor()
    return page
  }
  const editorText = (page: Page) => page.locator('.planroom-prose').innerText()
  const openHistory = async (page: Page) => {
    await page.getByRole('button', { name: 'History', exact: true }).click()
    await page.getByTestId('history-list').waitFor()
  }

  it(
    'shows a version with what changed since, restores it, and the other browser sees the restored text',
    { timeout: 120_000 },
    async () => {
      const mo = await openSection(fx.marketingEditor)
      const sam = await openSection(fx.salesEditor)
      await poll(() => editorText(sam)).toContain('three times a week')

      await openHistory(mo)
      const item = mo.getByTestId('history-item').filter({ hasText: 'Sent to the board, March' })
      await item.click()
      const text = mo.getByTestId('history-text')
      await poll(() => text.locator('del').allInnerTexts()).toEqual(['four'])
      expect((await text.locator('ins').allInnerTexts()).map((t) => t.trim())).toEqual([
        'two',
        'We post three times a week.',
      ])
      const fields = mo.getByTestId('history-fields')
      await expect.poll(() => fields.innerText()).toContain('Families who live nearby')
      expect(await fields.innerText()).toContain('Families and students who live nearby')
      await mo.screenshot({ path: artifactPath('history-drawer.png'), animations: 'disabled' })

      await mo.getByRole('button', { name: 'Restore this version' }).click()
      await mo.getByRole('dialog', { name: 'Restore this version?' }).getByRole('button', { name: 'Restore' }).click()
      await poll(() => editorText(sam)).not.toContain('three times a week')
      expect(await editorText(sam)).toContain('within four hours')
      await poll(() => editorText(mo)).toContain('within four hours')

      // The restore heads the list and is shown as the present; the snapshot before it can undo it.
      const first = mo.getByTestId('history-item').first()
      await poll(() => first.innerText()).toContain('Restored “Sent to the board, March”')
      await poll(() => mo.getByTestId('history-version').innerText()).toContain('Same as now')
      expect(await mo.getByTestId('history-item').nth(1).innerText()).toContain('Automatic snapshot')
      await mo.screenshot({ path: artifactPath('history-restored.png'), animations: 'disabled' })
    },
  )

  it('names a version of the whole plan from the drawer', { timeout: 60_000 }, async () => {
    const owner = await openSection(fx.owner)
    await openHistory(owner)
    await owner.getByRole('button', { name: 'Name a version' }).click()
    const dialog = owner.getByRole('dialog', { name: 'Name a version' })
    await dialog.getByText('The whole plan').click()
    await dialog.getByLabel('Name').fill('Final for launch')
    await dialog.getByRole('button', { name: 'Name version' }).click()
    const named = owner.getByTestId('history-item').filter({ hasText: 'Final for launch' })
    await poll(() => named.count()).toBe(1)
    expect(await named.innerText()).toContain('Plan')
    const other = await fx.owner.req<{ versions: { name: string | null }[] }>(
      'GET',
      `/api/sections/${fx.objectivesOf('Sales').id}/versions`,
    )
    expect(other.json.versions.map((v) => v.name)).toContain('Final for launch')
  })

  it('lets a viewer read the history on a phone, but neither restore nor name', { timeout: 60_000 }, async () => {
    const vic = await openSection(fx.viewer, PHONE)
    await openHistory(vic)
    await vic
      .locator('[data-testid="history-item"][data-kind="named"]')
      .filter({ hasText: 'Sent to the board, March' })
      .click()
    await vic.getByTestId('history-text').waitFor()
    await vic.screenshot({ path: artifactPath('history-phone.png'), animations: 'disabled' })
    await vic.getByRole('button', { name: 'All versions' }).click()
    await vic.getByTestId('history-list').waitFor()
    expect(await vic.getByRole('button', { name: 'Restore this version' }).count()).toBe(0)
    expect(await vic.getByRole('button', { name: 'Name a version' }).count()).toBe(0)
  })
})
