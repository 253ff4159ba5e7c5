import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { BOARD, fillBoardPlan } from '../support/board-plan'
import { artifactPath } from '../support/browser'
import { livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import { eventually, type StockClient, stockClient } from '../support/sync-clients'

/**
 * Export and public links in Chromium against a real server process: the export menu downloads the
 * plan, and a public link opens the guidelines with the approval states in a browser that has no
 * account, until an admin revokes it from the plan's Share dialog.
 */
describe.skipIf(!HAS_CHROMIUM)('export and public links in the browser', () => {
  let token = ''
  const live = livePlanBrowser(async ({ server, fx }) => {
    const writers: StockClient[] = []
    try {
      await fillBoardPlan(fx, fx.plan.id, async (sectionId, edit) => {
        const writer = stockClient(server.url, fx.owner.cookieHeader, sectionId)
        writers.push(writer)
        expect(await writer.synced).toBe(true)
        edit(writer.doc)
      })
      // Everything written is stored once the export shows it.
      await eventually(
        async () => {
          const md = (await fx.owner.req('GET', `/api/plans/${fx.plan.id}/export?format=md`)).text
          return [BOARD.guidelines, BOARD.crisis, BOARD.kpi, BOARD.objective.statement].every((w) => md.includes(w))
        },
        'the filled plan is stored',
        15_000,
      )
    } finally {
      for (const w of writers) w.close()
    }
    token = (await fx.owner.req<{ token: string }>('POST', `/api/plans/${fx.plan.id}/shares`, { scope: 'guidelines' }))
      .json.token
  })

  /** A browser with no cookie at all, as someone outside the company. */
  async function visit(url: string): Promise<{ page: Page; status: number | undefined }> {
    const context = await live.browser.newContext({ viewport: { width: 1100, height: 900 } })
    expect(await context.cookies()).toEqual([])
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    const res = await page.goto(url)
    return { page, status: res?.status() }
  }

  it(
    'a public link shows the guidelines and the approval states to someone without an account',
    { timeout: 60_000 },
    async () => {
      const { page, status } = await visit(`${live.server.url}/s/${token}`)
      expect(status).toBe(200)
      await page.getByText(BOARD.guidelines).waitFor()
      const text = await page.locator('body').innerText()
      expect(text).toContain(BOARD.guidelinesBullet)
      expect(text).toContain('Approved by Lee Lead')
      expect(text).toMatch(/Marketing\s+Draft/)
      expect(text).not.toContain(BOARD.objective.statement)
      await page.screenshot({ path: artifactPath('share-guidelines.png'), fullPage: true })
      await page.context().close()
    },
  )

  it('the export menu downloads the plan in each format', { timeout: 90_000 }, async () => {
    const page = await live.pageAs(live.fx.owner, '')
    await page.getByTestId('export-menu').click()
    for (const format of ['md', 'html', 'pdf'] as const) await page.getByTestId(`export-${format}`).waitFor()
    await page.screenshot({ path: artifactPath('export-menu.png'), animations: 'disabled' })
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()])
    expect(download.suggestedFilename()).toMatch(/^social-plan-2027-\d{4}-\d{2}-\d{2}\.md$/)
    const md = fs.readFileSync(await download.path(), 'utf8')
    expect(md).toContain('# Social plan 2027')
    expect(md).toContain(BOARD.guidelines)

    await page.getByTestId('export-menu').click()
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()])
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
    expect(
      fs
        .readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  it(
    'an admin creates a link from the Share dialog, and revoking it makes the page a 404 at once',
    { timeout: 90_000 },
    async () => {
      const page = await live.pageAs(live.fx.owner, '')
      await page.getByTestId('share-button').click()
      await page.getByLabel('The whole plan').check()
      await page.getByTestId('share-create').click()
      const url = await page.getByTestId('share-url').inputValue()
      expect(url).toMatch(/\/s\/[a-z2-7]{40}$/)
      await page.screenshot({ path: artifactPath('share-dialog.png') })

      const { page: outside } = await visit(url)
      await outside.getByText(BOARD.objective.statement).first().waitFor()
      expect(await outside.locator('body').innerText()).toContain(BOARD.guidelines)

      const rows = page.getByTestId('share-list').getByRole('row')
      const wholePlan = rows.filter({ hasText: 'The whole plan' })
      await wholePlan.getByRole('button', { name: 'Revoke' }).click()
      await page.getByRole('button', { name: 'Revoke link' }).click()
      await expect.poll(() => wholePlan.count()).toBe(0)

      const gone = await outside.goto(url)
      expect(gone?.status()).toBe(404)
      expect(await outside.locator('body').innerText()).toContain('This link does not open anything')
      await outside.context().close()
    },
  )

  it('people who are not admins see no Share button', { timeout: 60_000 }, async () => {
    const page = await live.pageAs(live.fx.salesEditor, '')
    await page.getByTestId('export-menu').waitFor()
    expect(await page.getByTestId('share-button').count()).toBe(0)
  })
})
