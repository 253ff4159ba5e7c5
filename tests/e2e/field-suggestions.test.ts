import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { readContent } from '../../shared/plan-model/read'
import { setField } from '../../shared/plan-model/write'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { type LivePlanBrowser, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import { eventually, stockClient } from '../support/sync-clients'
import { storedDocOf } from '../support/sync-fixture'
import { poll, proseEditor } from '../support/prose'

const AUDIENCE = 'Young parents in Lyon'

/**
 * Suggestions beyond one line of rich text (docs/suggestions.md), in Chromium against a real server
 * process: a commenter suggests in a structured field and the owner sees it under the field and
 * accepts it, which a third person sees as the field's new value; Enter in Suggesting mode proposes
 * a new paragraph, which becomes one when accepted.
 */

describe.skipIf(!HAS_CHROMIUM)('suggestions in fields and across paragraphs, in the browser', () => {
  const live = livePlanBrowser(async ({ server, fx, database }) => {
    const writer = stockClient(server.url, fx.owner.cookieHeader, fx.shared.id)
    try {
      expect(await writer.synced).toBe(true)
      setField(writer.doc, 'overview', 'audience', AUDIENCE)
      await eventually(
        async () => readContent(await storedDocOf(database, fx.shared.id), 'overview').audience === AUDIENCE,
        'the audience is stored',
      )
    } finally {
      writer.close()
    }
  })
  let fx: LivePlanBrowser['fx']
  beforeAll(() => {
    fx = live.fx
  })

  async function pageAs(who: ApiClient): Promise<Page> {
    const page = await live.pageAs(who, `section=${fx.shared.id}`)
    await page.locator('.planroom-prose').waitFor()
    await poll(() => audience(page).inputValue()).toContain('Young parents')
    return page
  }
  const audience = (page: Page) => page.locator('[data-path="audience"]')
  const card = (page: Page, author: string) => page.getByLabel(`Suggestion by ${author}`)
  const suggest = (page: Page) => page.getByRole('switch', { name: /Suggest/ }).check({ force: true })
  /** Each paragraph's text as shown, without the others' carets. */
  const paragraphs = (page: Page) =>
    proseEditor(page)
      .locator('p')
      .evaluateAll((ps) =>
        ps.map((p) => {
          const copy = p.cloneNode(true) as HTMLElement
          copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
          return copy.textContent
        }),
      )

  it(
    'a commenter suggests in a field; the owner sees it under the field and accepts; another sees the new value',
    { timeout: 150_000 },
    async () => {
      const owner = await pageAs(fx.owner)
      const cat = await pageAs(fx.commenter)
      const mo = await pageAs(fx.marketingEditor)

      // Read-only for the commenter until Suggesting; then what they type is theirs alone.
      expect(await audience(cat).getAttribute('readonly')).not.toBeNull()
      await suggest(cat)
      await poll(() => audience(cat).getAttribute('readonly')).toBeNull()
      await audience(cat).evaluate((el: HTMLTextAreaElement) => {
        el.focus()
        el.setSelectionRange(el.value.indexOf('Lyon'), el.value.length)
      })
      await cat.keyboard.type('Grenoble', { delay: 30 })
      expect(await audience(cat).inputValue()).toBe('Young parents in Grenoble')
      expect(await audience(owner).inputValue()).toBe(AUDIENCE)

      await card(owner, 'Cat Commenter').waitFor()
      await poll(() => card(owner, 'Cat Commenter').innerText()).toContain('In Audience')
      const under = owner.locator('[data-path-suggestions="audience"] .field-suggestion')
      await poll(() => under.innerText()).toContain('Cat Commenter')
      expect(await under.locator('del').innerText()).toBe('Lyon')
      expect(await under.locator('ins').innerText()).toBe('Grenoble')
      // Once sent, the commenter's field shows the document again, with their suggestion under it.
      await poll(() => audience(cat).inputValue()).toBe(AUDIENCE)
      await poll(() => cat.locator('[data-path-suggestions="audience"] ins').innerText()).toBe('Grenoble')
      await poll(() => audience(mo).inputValue()).toBe(AUDIENCE)
      await audience(owner).scrollIntoViewIfNeeded()
      await owner.screenshot({ path: artifactPath('field-suggestion.png'), animations: 'disabled' })

      expect(await card(cat, 'Cat Commenter').getByRole('button', { name: 'Accept' }).count()).toBe(0)
      await card(owner, 'Cat Commenter').getByRole('button', { name: 'Accept' }).click()
      await poll(() => audience(mo).inputValue()).toBe('Young parents in Grenoble')
      await poll(() => audience(cat).inputValue()).toBe('Young parents in Grenoble')
      await poll(() => mo.locator('[data-path-suggestions="audience"]').count()).toBe(0)
      await eventually(
        async () =>
          readContent(await storedDocOf(live.database, fx.shared.id), 'overview').audience ===
          'Young parents in Grenoble',
        'the accepted value is stored',
      )

      // A second one, rejected from under the field: the field stays as it is.
      await audience(cat).evaluate((el: HTMLTextAreaElement) => {
        el.focus()
        el.setSelectionRange(0, 'Young '.length)
      })
      await cat.keyboard.press('Backspace')
      await audience(cat).blur()
      const reject = owner.getByRole('button', { name: 'Reject Cat Commenter’s suggestion' })
      await reject.click()
      await poll(() => owner.locator('[data-path-suggestions="audience"]').count()).toBe(0)
      await poll(() => card(mo, 'Cat Commenter').count()).toBe(0)
      expect(await audience(mo).inputValue()).toBe('Young parents in Grenoble')

      // A field nobody has written yet takes a suggestion too, accepted from under the field.
      const why = (page: Page) => page.locator('[data-path="whySocial"]')
      await why(cat).click()
      await cat.keyboard.type('Bookings come from Instagram', { delay: 20 })
      await why(cat).blur()
      await poll(() => owner.locator('[data-path-suggestions="whySocial"] ins').innerText()).toBe(
        'Bookings come from Instagram',
      )
      await owner.getByRole('button', { name: 'Accept Cat Commenter’s suggestion' }).click()
      await poll(() => why(mo).inputValue()).toBe('Bookings come from Instagram')
    },
  )

  it('Enter in Suggesting mode proposes a new paragraph, which accepting makes', { timeout: 150_000 }, async () => {
    const owner = await pageAs(fx.owner)
    await proseEditor(owner).click()
    await owner.keyboard.type('Post twice a week.')
    const cat = await pageAs(fx.commenter)
    await poll(() => paragraphs(cat)).toEqual(['Post twice a week.'])

    await suggest(cat)
    await poll(() => proseEditor(cat).getAttribute('contenteditable')).toBe('true')
    await proseEditor(cat).click()
    await cat.keyboard.press('Control+End')
    await cat.keyboard.press('Enter')
    await cat.keyboard.type('Reply within a day.', { delay: 20 })
    await card(owner, 'Cat Commenter').waitFor()
    await poll(() => proseEditor(owner).locator('.suggestion-insert').innerText()).toContain('Reply within a day.')
    expect(await paragraphs(owner)).toEqual(['Post twice a week.¶\nReply within a day.'])

    await card(owner, 'Cat Commenter').getByRole('button', { name: 'Accept' }).click()
    await poll(() => paragraphs(cat)).toEqual(['Post twice a week.', 'Reply within a day.'])
  })
})
