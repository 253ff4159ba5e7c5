import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { type LivePlanBrowser, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import { poll, proseEditor, proseText } from '../support/prose'

/**
 * Suggestions as people use them (docs/suggestions.md), in Chromium against a real server process: a
 * commenter and an editor switch to Suggesting and type; the owner sees both proposals in place, in
 * their authors' colours, while typing before them; accepting makes the text ordinary for everyone;
 * accept all and reject all.
 */

describe.skipIf(!HAS_CHROMIUM)('suggestions in the browser', () => {
  const live = livePlanBrowser()
  let fx: LivePlanBrowser['fx']
  beforeAll(() => {
    fx = live.fx
  })

  async function pageAs(who: ApiClient): Promise<Page> {
    const page = await live.pageAs(who, `section=${fx.shared.id}`)
    await page.locator('.planroom-prose').waitFor()
    return page
  }
  const marked = (page: Page, kind: 'insert' | 'delete') =>
    proseEditor(page)
      .locator(`.suggestion-${kind}`)
      .evaluateAll((els) => els.map((e) => e.textContent))
  /** Put the DOM selection on `words` (or just after them), as a person dragging over them would. */
  const select = (page: Page, words: string, after = false) =>
    proseEditor(page).evaluate(
      (root, [needle, end]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('.collaboration-carets__caret, .suggestion-insert')) continue
          const at = n.textContent!.indexOf(needle)
          if (at < 0) continue
          const range = document.createRange()
          const stop = at + needle.length
          range.setStart(n, end ? stop : at)
          range.setEnd(n, stop)
          ;(root as HTMLElement).focus()
          document.getSelection()!.removeAllRanges()
          document.getSelection()!.addRange(range)
          return
        }
        throw new Error(`"${needle}" is not in the text`)
      },
      [words, after] as const,
    )
  const suggest = async (page: Page) => {
    await page.getByRole('switch', { name: /Suggest/ }).check({ force: true })
    await poll(() => proseEditor(page).getAttribute('contenteditable')).toBe('true')
  }
  const card = (page: Page, author: string) => page.getByLabel(`Suggestion by ${author}`)

  it(
    'a commenter and an editor suggest; the owner sees both in place, types before them, and accepts',
    { timeout: 150_000 },
    async () => {
      const owner = await pageAs(fx.owner)
      await proseEditor(owner).click()
      await owner.keyboard.type('Post three times a week on Instagram.')

      const cat = await pageAs(fx.commenter)
      const mo = await pageAs(fx.marketingEditor)
      await poll(() => proseText(cat)).toContain('Post three times a week on Instagram.')
      await poll(() => proseText(mo)).toContain('Post three times a week on Instagram.')

      // The commenter cannot edit, but suggests: the words they replace are struck, theirs underlined.
      await suggest(cat)
      await select(cat, 'three')
      await cat.keyboard.type('two', { delay: 30 })
      await card(owner, 'Cat Commenter').waitFor()
      await poll(() => marked(owner, 'delete')).toEqual(['three'])
      await poll(() => marked(owner, 'insert')).toEqual(['two'])
      expect(await proseText(cat)).toContain('Post three times')

      // An editor suggests too: an insertion after "Instagram".
      await suggest(mo)
      await select(mo, 'Instagram', true)
      await mo.keyboard.type(' and LinkedIn', { delay: 20 })
      await card(owner, 'Mo Marketing').waitFor()
      await poll(() => marked(owner, 'insert')).toEqual(['two', ' and LinkedIn'])

      // Someone types before the suggestions: they stay on their words.
      await proseEditor(owner).click()
      await owner.keyboard.press('Control+Home')
      await owner.keyboard.type('Plan: ')
      await poll(() => proseText(mo)).toContain('Plan: Post three times a week on Instagram.')
      await poll(() => marked(owner, 'delete')).toEqual(['three'])
      await poll(() => marked(cat, 'insert')).toEqual(['two', ' and LinkedIn'])
      await owner.mouse.move(0, 0)
      await proseEditor(owner).evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await owner.screenshot({ path: artifactPath('suggestions-two-people.png'), animations: 'disabled' })

      // The commenter sees no Accept; the owner accepts, and the third person sees ordinary text.
      expect(await card(cat, 'Cat Commenter').getByRole('button', { name: 'Accept' }).count()).toBe(0)
      await card(owner, 'Cat Commenter').getByRole('button', { name: 'Accept' }).click()
      await poll(() => proseText(mo)).toContain('Plan: Post two times a week on Instagram.')
      await poll(() => marked(mo, 'delete')).toEqual([])
      await poll(() => card(mo, 'Cat Commenter').count()).toBe(0)
      await poll(() => marked(mo, 'insert')).toEqual([' and LinkedIn'])
    },
  )

  it('accepts all and rejects all', { timeout: 150_000 }, async () => {
    const owner = await pageAs(fx.owner)
    const cat = await pageAs(fx.commenter)
    await poll(() => proseText(cat)).toContain('Plan: Post two times a week on Instagram.')
    await suggest(cat)
    await select(cat, 'week')
    await cat.keyboard.type('day', { delay: 30 })
    await card(owner, 'Cat Commenter').waitFor()
    await owner.getByRole('button', { name: 'Accept all' }).click()
    await poll(() => proseText(cat)).toContain('Plan: Post two times a day on Instagram and LinkedIn.')
    await poll(() => owner.getByLabel(/^Suggestion by/).count()).toBe(0)

    await select(cat, 'two')
    await cat.keyboard.type('five', { delay: 30 })
    await card(owner, 'Cat Commenter').waitFor()
    await select(cat, 'Plan: ')
    await cat.keyboard.press('Backspace')
    await poll(() => owner.getByLabel(/^Suggestion by/).count()).toBe(2)
    await owner.getByRole('button', { name: 'Reject all' }).click()
    await poll(() => owner.getByLabel(/^Suggestion by/).count()).toBe(0)
    await poll(() => marked(cat, 'delete')).toEqual([])
    expect(await proseText(owner)).toContain('Plan: Post two times a day on Instagram and LinkedIn.')
  })
})
