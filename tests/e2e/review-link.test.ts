import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { artifactPath } from '../support/browser'
import { DESKTOP, type LivePlanBrowser, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import { poll, proseEditor, proseText } from '../support/prose'

/**
 * An outside reviewer through a review link (docs/suggestions.md), in Chromium against a real server
 * process: the guest opens the link in a browser that never signed in, gives a name, reads the plan live,
 * comments and suggests; the owner sees both under "Name (guest)"; revoking the link cuts the guest off.
 */

describe.skipIf(!HAS_CHROMIUM)('a review link in the browser', () => {
  const live = livePlanBrowser()
  let fx: LivePlanBrowser['fx']
  beforeAll(() => {
    fx = live.fx
  })

  const select = (page: Page, words: string) =>
    proseEditor(page).evaluate((root, needle) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('.collaboration-carets__caret, .suggestion-insert')) continue
        const at = n.textContent!.indexOf(needle)
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(n, at)
        range.setEnd(n, at + needle.length)
        ;(root as HTMLElement).focus()
        document.getSelection()!.removeAllRanges()
        document.getSelection()!.addRange(range)
        return
      }
      throw new Error(`"${needle}" is not in the text`)
    }, words)
  const threads = (page: Page) => page.getByTestId('comment-column').getByTestId('comment-thread')

  it(
    'a guest gives a name, reads live, comments and suggests, and is cut off when the link is revoked',
    { timeout: 150_000 },
    async () => {
      const owner = await live.pageAs(fx.owner, `section=${fx.shared.id}`)
      await proseEditor(owner).click()
      await owner.keyboard.type('We post three times a week, mostly short videos.')

      const made = await fx.owner.req<{ id: string; url: string }>('POST', `/api/plans/${fx.plan.id}/review-links`, {})
      expect(made.status, made.text).toBe(201)

      // A member who is sent the link is offered the plan as themselves, not a guest session.
      const member = await live.pageAs(fx.viewer, `section=${fx.shared.id}`)
      await member.goto(made.json.url)
      await member.getByRole('link', { name: `Open the plan as ${fx.viewer.user!.name}` }).click()
      await proseEditor(member).waitFor()
      expect(member.url()).toContain(`/plans/${fx.plan.id}`)
      await member.close()

      // A browser that never signed in opens the link: it says which plan and who sent it, and asks a name.
      const context = await live.browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 })
      const guest = await context.newPage()
      guest.setDefaultTimeout(15_000)
      await guest.goto(`${made.json.url}?section=${fx.shared.id}`)
      await guest.getByRole('heading', { name: 'Review “Social plan 2027”' }).waitFor()
      await guest.getByText('Olivia Owner invited you').waitFor()
      await guest.getByLabel('Your name').fill('Gina')
      await guest.screenshot({ path: artifactPath('review-join.png'), animations: 'disabled' })
      await guest.getByRole('button', { name: 'Open the plan' }).click()

      // The plan, live and read-only: no workspace switcher, no settings.
      await proseEditor(guest).waitFor()
      await poll(() => proseText(guest)).toContain('We post three times a week')
      expect(await proseEditor(guest).getAttribute('contenteditable')).toBe('false')
      await guest.getByTestId('guest-name').getByText('Gina (guest)').waitFor()
      expect(await guest.getByRole('link', { name: /Settings/ }).count()).toBe(0)
      await owner.keyboard.type(' Reels first.')
      await poll(() => proseText(guest)).toContain('mostly short videos. Reels first.')

      // The guest comments on words; the owner sees it under the guest's name.
      await select(guest, 'short videos')
      await guest.getByTestId('comment-on-selection').click()
      await guest.getByTestId('new-thread').getByRole('textbox').fill('Which length works best?')
      await guest.getByTestId('new-thread').getByRole('button', { name: 'Comment', exact: true }).click()
      const onOwner = threads(owner).filter({ hasText: 'Which length works best?' })
      await onOwner.getByText('Gina (guest)').waitFor()

      // The guest suggests a change; the owner sees it, by "Gina (guest)", with Accept.
      await guest.getByRole('switch', { name: /Suggest/ }).check({ force: true })
      await poll(() => proseEditor(guest).getAttribute('contenteditable')).toBe('true')
      await select(guest, 'three')
      await guest.keyboard.type('two', { delay: 30 })
      const suggestion = owner.getByLabel('Suggestion by Gina (guest)')
      await suggestion.getByRole('button', { name: 'Accept' }).waitFor()
      await poll(() => proseText(guest)).toContain('We post three times a week')

      await guest.mouse.move(0, 0)
      await guest.evaluate(() => window.scrollTo(0, 0))
      await guest.screenshot({ path: artifactPath('review-guest.png'), animations: 'disabled' })

      // Revoking the link cuts the open page off at once.
      const revoked = await fx.owner.req('DELETE', `/api/plans/${fx.plan.id}/review-links/${made.json.id}`)
      expect(revoked.status).toBe(204)
      await guest.getByRole('heading', { name: 'This review link no longer works' }).waitFor()
      await guest.screenshot({ path: artifactPath('review-gone.png'), animations: 'disabled' })
      await guest.reload()
      await guest.getByRole('heading', { name: 'This review link no longer works' }).waitFor()
      await context.close()
    },
  )
})
