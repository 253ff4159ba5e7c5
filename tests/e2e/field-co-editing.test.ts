import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { readContent } from '../../shared/plan-model/read'
import { addItem } from '../../shared/plan-model/write'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { ENGINES } from '../support/engines'
import { type LivePlanBrowser, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import { storedDocOf } from '../support/sync-fixture'
import { eventually, stockClient } from '../support/sync-clients'

const STATEMENT = 'Turn followers into weekday bookings'

/**
 * Structured fields co-edited as people see them, in Chromium against a real server process: two
 * people typing in one objective's statement at once both keep their words, a remote edit leaves the
 * local caret where it was in the text, undo takes back only one's own typing, each sees who else is
 * in the field; people who may only read open, reload and switch sections without any save error
 * and without the server storing anything for them.
 */
describe.each(ENGINES)('structured fields co-edited in the browser on $engine', (engine) => {
  describe.skipIf(!HAS_CHROMIUM || !engine.available)('', () => {
    let objectiveId = ''
    const live = livePlanBrowser(async ({ server, fx }) => {
      const writer = stockClient(server.url, fx.salesEditor.cookieHeader, fx.objectivesOf('Sales').id)
      try {
        expect(await writer.synced).toBe(true)
        objectiveId = addItem(writer.doc, 'objectives', ['objectives'], { statement: STATEMENT, metric: 'Bookings' })
        await eventually(
          async () =>
            readContent(await storedDocOf(live.database, fx.objectivesOf('Sales').id), 'objectives').objectives
              .length === 1,
          'the objective is stored',
        )
      } finally {
        writer.close()
      }
    }, engine)
    let fx: LivePlanBrowser['fx']
    beforeAll(() => {
      fx = live.fx
    })

    const statement = (page: Page) => page.locator(`[data-path="objectives.${objectiveId}.statement"]`)
    const valueOf = (page: Page) => statement(page).inputValue()
    async function openObjectives(who: ApiClient): Promise<Page> {
      const page = await live.pageAs(who, `section=${fx.objectivesOf('Sales').id}`)
      await statement(page).waitFor()
      await expect.poll(() => valueOf(page)).toContain(STATEMENT)
      return page
    }
    /** Put the caret at `index` of the field, as a click there would. */
    const caretAt = (page: Page, index: number) =>
      statement(page).evaluate((el: HTMLTextAreaElement, i) => {
        el.focus()
        el.setSelectionRange(i, i)
      }, index)
    const caretOf = (page: Page) => statement(page).evaluate((el: HTMLTextAreaElement) => el.selectionStart)

    it(
      'two people typing in one field at once both keep their words, and see each other in it',
      { timeout: 60_000 },
      async () => {
        const olivia = await openObjectives(fx.owner)
        const sam = await openObjectives(fx.salesEditor)
        await caretAt(olivia, STATEMENT.length)
        await caretAt(sam, 0)
        await Promise.all([
          olivia.keyboard.type(' before the summer', { delay: 25 }),
          sam.keyboard.type('Together: ', { delay: 25 }),
        ])
        const both = `Together: ${STATEMENT} before the summer`
        await expect.poll(() => valueOf(olivia)).toBe(both)
        await expect.poll(() => valueOf(sam)).toBe(both)
        // Each sees the other's initials on the field they share.
        await olivia.getByTestId('field-peers').getByLabel('Sam Sales').waitFor()
        await sam.getByTestId('field-peers').getByLabel('Olivia Owner').waitFor()
        // And where the other's caret is in it, with their name.
        await olivia.getByTestId('field-caret').filter({ hasText: 'Sam Sales' }).waitFor()
        await sam.getByTestId('field-caret').filter({ hasText: 'Olivia Owner' }).waitFor()
        await olivia.screenshot({ path: artifactPath(`field-co-editing-${engine.engine}.png`), animations: 'disabled' })
        await sam.screenshot({
          path: artifactPath(`field-co-editing-sam-${engine.engine}.png`),
          animations: 'disabled',
        })
        await eventually(
          async () =>
            readContent(await storedDocOf(live.database, fx.objectivesOf('Sales').id), 'objectives').objectives[0]!
              .statement === both,
          'both texts stored',
        )
      },
    )

    it(
      'a remote edit does not move the local caret, and undo takes back only one’s own typing',
      { timeout: 60_000 },
      async () => {
        const olivia = await openObjectives(fx.owner)
        const sam = await openObjectives(fx.salesEditor)
        const start = await valueOf(olivia)
        // Olivia's caret sits after "Together:"; Sam types at the very start of the field meanwhile.
        const at = 'Together:'.length
        await caretAt(olivia, at)
        await caretAt(sam, 0)
        await sam.keyboard.type('Sam → ')
        await expect.poll(() => valueOf(olivia)).toBe(`Sam → ${start}`)
        expect(await caretOf(olivia)).toBe(at + 'Sam → '.length)
        // One input, so one undo step whatever the machine's speed: keys typed further apart than the
        // undo manager's capture timeout would be undone one by one.
        await olivia.keyboard.insertText(' jointly')
        const typed = `Sam → Together: jointly${start.slice(at)}`
        await expect.poll(() => valueOf(sam)).toBe(typed)
        expect(await valueOf(olivia)).toBe(typed)
        // Olivia undoes: her words go, Sam's stay, for both of them.
        await olivia.keyboard.press('Control+z')
        await expect.poll(() => valueOf(olivia)).toBe(`Sam → ${start}`)
        await expect.poll(() => valueOf(sam)).toBe(`Sam → ${start}`)
        await olivia.keyboard.press('Control+Shift+z')
        await expect.poll(() => valueOf(sam)).toBe(typed)
      },
    )

    it(
      'an IME composition is written when it ends, placed among what others typed meanwhile',
      { timeout: 60_000 },
      async () => {
        const olivia = await openObjectives(fx.owner)
        const sam = await openObjectives(fx.salesEditor)
        const start = await valueOf(olivia)
        const sectionId = fx.objectivesOf('Sales').id
        const stored = async () =>
          readContent(await storedDocOf(live.database, sectionId), 'objectives').objectives[0]!.statement
        await caretAt(olivia, start.length)
        await caretAt(sam, 0)
        const ime = await olivia.context().newCDPSession(olivia)
        await ime.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 })
        await expect.poll(() => valueOf(olivia)).toBe(`${start}にほん`)
        // Mid-composition nothing is written, and nothing replaces what is being composed: Sam types
        // meanwhile, the server stores his words, and neither he nor the server has the unfinished word.
        await sam.keyboard.type('Sam ')
        await expect.poll(stored).toBe(`Sam ${start}`)
        expect(await valueOf(sam)).toBe(`Sam ${start}`)
        expect(await valueOf(olivia)).toBe(`${start}にほん`)
        await ime.send('Input.insertText', { text: '日本' })
        // Written when it ends, where Olivia was typing, after Sam's words.
        await expect.poll(() => valueOf(sam)).toBe(`Sam ${start}日本`)
        await expect.poll(() => valueOf(olivia)).toBe(`Sam ${start}日本`)
        await expect.poll(stored).toBe(`Sam ${start}日本`)
      },
    )

    it(
      'viewers and commenters open, reload and switch sections ten times: no save error, nothing stored',
      { timeout: 180_000 },
      async () => {
        const sections = [fx.objectivesOf('Sales').id, fx.shared.id, fx.objectivesOf('Marketing').id]
        const storedRows = async () =>
          (
            await live.database.storage.db
              .selectFrom('section_updates')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n
        const before = Number(await storedRows())
        for (const who of [fx.viewer, fx.commenter]) {
          const page = await openObjectives(who)
          const errors: string[] = []
          page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
          // Read-only fields say so.
          expect(await statement(page).getAttribute('readonly')).not.toBeNull()
          for (let round = 0; round < 10; round++) {
            // Every other round a reload; in between, another section picked from the list.
            if (round % 2 === 0) await page.reload()
            else {
              const next = sections[round % sections.length]!
              const title = (fx.plan.sections as { id: string; title: string }[]).find((s) => s.id === next)!.title
              await page.locator('[aria-label="Sections by step"] button', { hasText: title }).first().click()
              await page.getByRole('heading', { name: title }).waitFor()
            }
            await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Saved')
            expect(await page.getByText('Your change was not saved').count()).toBe(0)
          }
          await page.screenshot({ path: artifactPath(`field-read-only-${engine.engine}.png`), animations: 'disabled' })
          expect(errors.filter((e) => /not saved|permission/i.test(e))).toEqual([])
        }
        expect(Number(await storedRows())).toBe(before)
      },
    )
  })
})
