import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { DESKTOP, type LivePlanBrowser, PHONE, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import { poll, proseEditor, proseText } from '../support/prose'

/**
 * Comments on a section's text as people use them, in Chromium against a real server process: a
 * commenter (who cannot edit) selects words and comments; an editor sees the thread live; the
 * highlight stays on exactly those words while text is typed before them; deleting the words leaves
 * the thread detached with the words it was on; the commenter resolves their own thread.
 */
/** Live updates cross a server and another browser, on a machine busy with other suites: allow them time. */

describe.skipIf(!HAS_CHROMIUM)('comments in the browser', () => {
  const live = livePlanBrowser()
  let fx: LivePlanBrowser['fx']
  beforeAll(() => {
    fx = live.fx
  })

  async function pageAs(who: ApiClient, sectionId: string, viewport = DESKTOP): Promise<Page> {
    const page = await live.pageAs(who, `section=${sectionId}`, viewport)
    await page.locator('.planroom-prose').waitFor()
    return page
  }
  /** The words highlighted for each thread, as shown. */
  const highlighted = (page: Page) =>
    proseEditor(page).evaluate((el) => {
      const out: Record<string, string> = {}
      for (const mark of el.querySelectorAll<HTMLElement>('.comment-highlight[data-thread-id]')) {
        const copy = mark.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
        const id = mark.dataset.threadId!
        // Nested marks (overlapping threads) repeat their words: count each leaf once.
        if (mark.querySelector('.comment-highlight')) continue
        out[id] = (out[id] ?? '') + copy.textContent
      }
      return out
    })
  /** Select `words` in the section's text the way a person would (a DOM range), read-only text included. */
  const select = (page: Page, words: string) =>
    proseEditor(page).evaluate((root, needle) => {
      const nodes: { node: Text; start: number }[] = []
      let all = ''
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('.collaboration-carets__caret')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      })
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: all.length })
        all += n.textContent
      }
      const at = all.indexOf(needle)
      if (at < 0) throw new Error(`"${needle}" is not in the text: ${all}`)
      const locate = (offset: number, end: boolean) => {
        const hit = nodes.find((x) =>
          end
            ? offset > x.start && offset <= x.start + x.node.length
            : offset >= x.start && offset < x.start + x.node.length,
        )!
        return [hit.node, offset - hit.start] as const
      }
      const range = document.createRange()
      range.setStart(...locate(at, false))
      range.setEnd(...locate(at + needle.length, true))
      if (root.getAttribute('contenteditable') === 'true') (root as HTMLElement).focus()
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    }, words)
  const threads = (page: Page) => page.getByTestId('comment-column').getByTestId('comment-thread')

  it(
    'a commenter comments on words; the thread follows them live, detaches when they go, and is resolved by its author',
    { timeout: 120_000 },
    async () => {
      const section = fx.shared
      const sam = await pageAs(fx.salesEditor, section.id)
      await proseEditor(sam).click()
      await sam.keyboard.type('Our audience is young parents in big cities. They read reviews before buying.')

      const cat = await pageAs(fx.commenter, section.id)
      await poll(() => proseText(cat)).toContain('They read reviews before buying.')
      expect(await proseEditor(cat).getAttribute('contenteditable')).toBe('false')

      // Select words in the read-only text: the "Comment" bubble offers to comment on them.
      await proseEditor(cat).evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await select(cat, 'young parents')
      await cat.getByTestId('comment-on-selection').waitFor()
      await cat.screenshot({ path: artifactPath('comments-selection-bubble.png'), animations: 'disabled' })
      await cat.getByTestId('comment-on-selection').click()
      const draft = cat.getByTestId('new-thread')
      await draft.getByTestId('thread-quote').getByText('young parents').waitFor()
      const box = draft.getByRole('textbox')
      await box.pressSequentially('Which cities exactly? @Sam', { delay: 10 })
      await cat.getByRole('option', { name: 'Sam Sales' }).click()
      await box.pressSequentially('can you confirm with the sales data?', { delay: 5 })
      await draft.getByRole('button', { name: 'Comment', exact: true }).click()

      const mine = threads(cat).filter({ hasText: 'Which cities exactly?' })
      await mine.waitFor()
      await poll(async () => Object.values(await highlighted(cat))).toEqual(['young parents'])
      const threadId = (await mine.getAttribute('data-thread-id'))!
      await mine.getByText('@Sam Sales').waitFor()

      // The editor sees it live, beside the text, on the same words.
      const samsThread = threads(sam).filter({ hasText: 'Which cities exactly?' })
      await samsThread.waitFor()
      await poll(() => highlighted(sam)).toEqual({ [threadId]: 'young parents' })
      await cat.screenshot({ path: artifactPath('comments-thread-beside-text.png'), animations: 'disabled' })

      // Text typed before the words (at the very start, and right against them) leaves the highlight on them.
      await proseEditor(sam).click()
      await sam.keyboard.press('Control+Home')
      await sam.keyboard.type('In 2027, ')
      await select(sam, 'young parents')
      await sam.keyboard.press('ArrowLeft')
      await sam.keyboard.type('very ')
      await poll(() => proseText(cat)).toContain('In 2027, Our audience is very young parents in big cities.')
      await poll(() => highlighted(cat)).toEqual({ [threadId]: 'young parents' })
      await poll(() => highlighted(sam)).toEqual({ [threadId]: 'young parents' })
      // Typed right after them too.
      await select(sam, 'young parents')
      await sam.keyboard.press('ArrowRight')
      await sam.keyboard.type(' and teachers')
      await poll(() => proseText(cat)).toContain('very young parents and teachers in big cities')
      await poll(() => highlighted(cat)).toEqual({ [threadId]: 'young parents' })

      // The editor sees the mention in their inbox.
      await sam.getByRole('button', { name: /Notifications \(1 unread\)/ }).waitFor()
      await sam.getByRole('button', { name: /Notifications/ }).click()
      await sam.getByTestId('inbox').getByText('Cat Commenter mentioned you').waitFor()
      await sam.screenshot({ path: artifactPath('inbox.png'), animations: 'disabled' })
      await sam.keyboard.press('Escape')

      // Deleting the words leaves the thread, detached, with the words it was on.
      await select(sam, 'very young parents and teachers ')
      await sam.keyboard.press('Backspace')
      await poll(() => proseText(cat)).toContain('In 2027, Our audience is in big cities.')
      await poll(() => highlighted(cat)).toEqual({})
      await mine.getByTestId('detached-badge').waitFor()
      await poll(() => mine.getByTestId('thread-quote').innerText()).toContain('young parents')
      await samsThread.getByTestId('detached-badge').waitFor()
      // A fresh load agrees: the server says detached too.
      const fresh = await pageAs(fx.marketingEditor, section.id)
      await threads(fresh).filter({ hasText: 'Which cities exactly?' }).getByTestId('detached-badge').waitFor()
      await cat.screenshot({ path: artifactPath('comments-detached.png'), animations: 'disabled' })

      // Its author resolves it, without edit rights.
      await mine.getByRole('button', { name: 'Resolve thread' }).click()
      await poll(() => threads(cat).filter({ hasText: 'Which cities exactly?' }).count()).toBe(0)
      await poll(() => threads(sam).filter({ hasText: 'Which cities exactly?' }).count()).toBe(0)
      await cat.getByText('Show resolved (1)').click()
      await threads(cat).filter({ hasText: 'Which cities exactly?' }).getByText('Resolved by Cat Commenter').waitFor()
    },
  )

  it(
    'replies; a viewer reads threads but has no composer; phones get the threads in a drawer',
    { timeout: 90_000 },
    async () => {
      const section = fx.objectivesOf('Marketing')
      const mo = await pageAs(fx.marketingEditor, section.id)
      await proseEditor(mo).click()
      await mo.keyboard.type('Grow the newsletter with short videos every week.')
      await select(mo, 'short videos')
      await mo.getByTestId('comment-on-selection').click()
      await mo.getByTestId('new-thread').getByRole('textbox').fill('Reels or TikTok?')
      await mo.getByTestId('new-thread').getByRole('button', { name: 'Comment', exact: true }).click()
      const thread = threads(mo).filter({ hasText: 'Reels or TikTok?' })
      await thread.waitFor()

      // A section-level comment too.
      await mo.getByRole('button', { name: 'Comment on the whole section' }).click()
      await mo.getByTestId('new-thread').getByRole('textbox').fill('Numbers for Q1 are still missing here.')
      await mo.getByTestId('new-thread').getByRole('button', { name: 'Comment', exact: true }).click()
      await threads(mo).filter({ hasText: 'Numbers for Q1' }).getByText('On the whole section').waitFor()
      // A thread on a structured item (as the structured forms start them) whose item is gone: detached, with its name.
      const itemThread = await fx.marketingEditor.req('POST', `/api/sections/${section.id}/comments`, {
        body: 'Is this still planned?',
        anchor: { type: 'item', itemId: 'gone-objective', quote: 'Triple the podcast audience' },
      })
      expect(itemThread.status, itemThread.text).toBe(201)
      const onItem = threads(mo).filter({ hasText: 'Is this still planned?' })
      await onItem.getByText('Triple the podcast audience').waitFor()
      await onItem.getByTestId('detached-badge').waitFor()
      await mo.screenshot({ path: artifactPath('comments-kinds.png'), animations: 'disabled' })

      // One's own comments can be edited and deleted.
      const onSection = threads(mo).filter({ hasText: 'Numbers for Q1' })
      await onSection.getByRole('button', { name: 'Comment actions' }).click()
      await mo.getByRole('menuitem', { name: 'Edit' }).click()
      await onSection
        .getByRole('textbox', { name: 'Edit your comment' })
        .fill('Numbers for Q1 and Q2 are still missing here.')
      await onSection.getByRole('button', { name: 'Save' }).click()
      await onSection
        .getByTestId('comment-body')
        .filter({ hasText: 'Numbers for Q1 and Q2 are still missing here.' })
        .waitFor()
      await onSection.getByText('· edited').waitFor()
      await onItem.getByRole('button', { name: 'Comment actions' }).click()
      await mo.getByRole('menuitem', { name: 'Delete' }).click()
      await mo.getByRole('dialog').getByRole('button', { name: 'Delete comment' }).click()
      await poll(() => onItem.count()).toBe(0)

      // The commenter replies on a phone: the threads are in a drawer.
      const cat = await pageAs(fx.commenter, section.id, PHONE)
      await cat.getByRole('button', { name: /Comments \(2 open\)/ }).waitFor()
      await cat.screenshot({ path: artifactPath('comments-phone.png'), animations: 'disabled' })
      await cat.getByRole('button', { name: /Comments \(2 open\)/ }).click()
      const phoneThread = cat.getByRole('dialog').getByTestId('comment-thread').filter({ hasText: 'Reels or TikTok?' })
      await phoneThread.click()
      await phoneThread.getByRole('textbox', { name: 'Reply…' }).fill('Reels: our audience is there.')
      await phoneThread.getByRole('button', { name: 'Reply', exact: true }).click()
      await phoneThread.getByTestId('comment-body').filter({ hasText: 'Reels: our audience is there.' }).waitFor()
      await poll(() => phoneThread.getByRole('textbox', { name: 'Reply…' }).inputValue()).toBe('')
      await cat.screenshot({ path: artifactPath('comments-phone-drawer.png'), animations: 'disabled' })
      await thread.getByTestId('comment-body').filter({ hasText: 'Reels: our audience is there.' }).waitFor()

      // Clicking the highlighted words on a phone opens that thread.
      await cat.keyboard.press('Escape')
      await proseEditor(cat).locator('.comment-highlight').first().click()
      await cat
        .getByRole('dialog')
        .getByTestId('comment-thread')
        .filter({ hasText: 'Reels or TikTok?' })
        .and(cat.locator('[data-active]'))
        .waitFor()

      // A viewer sees the threads, with no way to write.
      const vic = await pageAs(fx.viewer, section.id)
      await threads(vic).filter({ hasText: 'Reels or TikTok?' }).waitFor()
      expect(await vic.getByRole('button', { name: 'Comment on the whole section' }).count()).toBe(0)
      expect(await vic.getByRole('button', { name: 'Resolve thread' }).count()).toBe(0)
      // The bubble follows the page's selectionchange; two frames after it, React has drawn whatever it draws.
      const selectionSeen = vic.evaluate(
        () =>
          new Promise<void>((resolve) =>
            document.addEventListener(
              'selectionchange',
              () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
              { once: true },
            ),
          ),
      )
      await select(vic, 'Grow the newsletter')
      await selectionSeen
      expect(await vic.getByTestId('comment-on-selection').count()).toBe(0)
      await threads(vic).filter({ hasText: 'Reels or TikTok?' }).click()
      expect(await threads(vic).filter({ hasText: 'Reels or TikTok?' }).getByRole('textbox').count()).toBe(0)
    },
  )
})
