import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { Plan, PlanList } from '../../shared/plans/schema'
import { artifactPath } from '../support/browser'
import { PHONE, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'

/**
 * A new customer's first minute, and plans managed like documents, in Chromium against a real server
 * process: create a plan from an example template and find every section written; rename it in
 * place; start next year's plan from it; archive it (read-only, under "Archived"); delete it.
 */
const WIDE = { width: 1440, height: 900 }
/**
 * The screenshots docs/product.md shows: rewritten with UPDATE_SCREENSHOTS=1, otherwise kept with the
 * other test artifacts, so that a test run leaves the repository's files as they were.
 */
const screenshotPath = (name: string) =>
  process.env.UPDATE_SCREENSHOTS === '1'
    ? path.resolve(import.meta.dirname, '../../docs/screenshots', name)
    : artifactPath(name)

/** Whether the element shows all of its text on one line: nothing cut, nothing wrapped. */
const onOneLine = (el: Locator) =>
  el.evaluate((node) => {
    const lineHeight = parseFloat(getComputedStyle(node).lineHeight)
    return node.scrollWidth <= node.clientWidth && node.getBoundingClientRect().height < lineHeight * 1.5
  })

describe.skipIf(!HAS_CHROMIUM)('plans from templates, managed like documents, in the browser', () => {
  const live = livePlanBrowser()
  const plansOf = async (archived = false) =>
    (
      await live.fx.owner.req<z.infer<typeof PlanList>>(
        'GET',
        `/api/workspaces/${live.fx.workspace.id}/plans${archived ? '?archived=true' : ''}`,
      )
    ).json.plans
  const home = async (page: Page) => {
    await page.goto(`${live.server.url}/w/${live.fx.workspace.id}`)
  }
  const heading = (page: Page) => page.getByRole('heading', { level: 1 })
  const planActions = async (page: Page, item: string | RegExp) => {
    await page.getByRole('button', { name: 'Plan actions' }).click()
    await page.getByRole('menuitem', { name: item }).click()
  }

  it('creates a plan from the outdoor-gear example with content in every section', { timeout: 180_000 }, async () => {
    const page = await live.pageAs(live.fx.owner, '', WIDE)
    await home(page)
    await page.getByRole('button', { name: 'New plan' }).first().click()
    await page.getByTestId('template-outdoor-gear-shop').click()
    await page.getByLabel('Plan title').fill('Fjellsti social plan 2027')
    await page.getByRole('button', { name: 'Create plan' }).click()
    await expect.poll(() => heading(page).textContent(), { timeout: 15_000 }).toContain('Fjellsti social plan 2027')

    const plan = (await plansOf()).find((p) => p.title === 'Fjellsti social plan 2027')!
    const full = (await live.fx.owner.req<Plan>('GET', `/api/plans/${plan.id}`)).json
    expect(full.sections.filter((s) => s.kind === 'network').map((s) => s.title)).toEqual([
      'Instagram',
      'Facebook',
      'YouTube',
    ])
    const list = page.getByRole('list', { name: 'Sections by step' })
    for (const section of full.sections) {
      await list
        .getByRole('button', { name: new RegExp(section.title.replace(/[—&]/g, '.')) })
        .first()
        .click()
      await expect.poll(() => page.locator('.planroom-prose').first().innerText(), { timeout: 15_000 }).not.toBe('')
    }
    await list
      .getByRole('button', { name: /Objectives . Marketing/ })
      .first()
      .click()
    await page.getByText('Grow the Instagram community of local hikers').first().waitFor()
    await page.screenshot({ path: artifactPath('template-plan-1440.png'), animations: 'disabled' })

    const phone = await live.pageAs(live.fx.owner, '', PHONE)
    const overview = full.sections.find((s) => s.kind === 'overview')!
    await phone.goto(`${live.server.url}/w/${live.fx.workspace.id}/plans/${plan.id}?section=${overview.id}`)
    await phone.locator('.planroom-prose').first().getByText('Fjellsti Outfitters').first().waitFor()
    await phone.screenshot({ path: artifactPath('template-plan-390.png'), animations: 'disabled' })
  })

  it(
    'a template plan gives the writing room at 1440 px and starts its content high on a phone',
    { timeout: 120_000 },
    async () => {
      const title = 'Fjellsti Outfitters social media plan 2027'
      const plan = (
        await live.fx.owner.req<Plan>('POST', `/api/workspaces/${live.fx.workspace.id}/plans`, {
          title,
          templateId: 'outdoor-gear-shop',
        })
      ).json
      const overview = plan.sections.find((s) => s.kind === 'overview')!
      const url = `${live.server.url}/w/${live.fx.workspace.id}/plans/${plan.id}?section=${overview.id}`
      const opened = async (page: Page) => {
        await page.goto(url)
        await page.locator('.planroom-prose').first().getByText('Fjellsti Outfitters').first().waitFor()
        await page.getByTestId('health-count').waitFor()
      }
      const textColumn = (page: Page) => page.locator('[data-section-pane] .comments-text')

      const wide = await live.pageAs(live.fx.owner, '', WIDE)
      await opened(wide)
      expect(await heading(wide).textContent()).toContain(title)
      expect(await onOneLine(heading(wide))).toBe(true)
      expect((await textColumn(wide).boundingBox())!.width).toBeGreaterThanOrEqual(700)
      // One badge at most on a section row (none where the row is like most others).
      const rows = wide.getByRole('list', { name: 'Sections by step' }).getByRole('button')
      const badges = await rows.evaluateAll((els) => els.map((el) => el.querySelectorAll('.mantine-Badge-root').length))
      expect(badges.length).toBe(plan.sections.length)
      expect(Math.max(...badges)).toBeLessThanOrEqual(1)
      await wide.screenshot({ path: screenshotPath('plan-1440.png'), animations: 'disabled' })

      // Folding the section list away gives the text the rest, and stays so on this device.
      const before = (await textColumn(wide).boundingBox())!.width
      await wide.getByRole('button', { name: 'Hide sections' }).click()
      await expect.poll(async () => (await textColumn(wide).boundingBox())!.width).toBeGreaterThan(before + 150)
      await opened(wide)
      await wide.getByRole('button', { name: 'Show sections' }).click()
      await wide.getByRole('list', { name: 'Sections by step' }).waitFor()

      const phone = await live.pageAs(live.fx.owner, '', PHONE)
      await opened(phone)
      const banner = (await phone.getByRole('banner').boundingBox())!
      const pane = (await phone.locator('[data-section-pane]').boundingBox())!
      expect(pane.y - (banner.y + banner.height)).toBeLessThanOrEqual(120)
      await phone.screenshot({ path: screenshotPath('plan-390.png'), animations: 'disabled' })
      // The section list is a drawer away, and export a menu away.
      await phone.getByTestId('section-picker').click()
      await phone
        .getByRole('dialog')
        .getByRole('button', { name: /Competition & listening/ })
        .click()
      await expect.poll(() => phone.getByTestId('section-picker').textContent()).toBe('Competition & listening')
      await phone.getByRole('button', { name: 'Plan actions' }).click()
      await phone.getByTestId('export-md').waitFor()
    },
  )

  it('renames in place, duplicates for next year, archives and deletes', { timeout: 180_000 }, async () => {
    const made = await live.fx.owner.req<Plan>('POST', `/api/workspaces/${live.fx.workspace.id}/plans`, {
      title: 'Ledgerly plan 2027',
      templateId: 'b2b-software',
    })
    const plan = made.json
    const page = await live.pageAs(live.fx.owner, '', WIDE)
    await page.goto(`${live.server.url}/w/${live.fx.workspace.id}/plans/${plan.id}`)
    await expect.poll(() => heading(page).textContent(), { timeout: 15_000 }).toContain('Ledgerly plan 2027')

    // Rename in place.
    await page.getByRole('button', { name: 'Rename the plan' }).click()
    await page.getByLabel('Plan title').fill('Ledgerly social strategy 2027')
    await page.getByLabel('Plan title').press('Enter')
    await expect.poll(() => heading(page).textContent(), { timeout: 15_000 }).toContain('Ledgerly social strategy 2027')
    await expect
      .poll(async () => (await live.fx.owner.req<Plan>('GET', `/api/plans/${plan.id}`)).json.title)
      .toBe('Ledgerly social strategy 2027')

    // Next year's plan, titled for it.
    await planActions(page, 'Start next year’s plan from this one')
    const dialog = page.getByRole('dialog')
    await expect
      .poll(() => dialog.getByLabel('Title of the new plan').inputValue())
      .toBe('Ledgerly social strategy 2028')
    await dialog.getByRole('button', { name: 'Create the plan' }).click()
    await expect.poll(() => heading(page).textContent(), { timeout: 15_000 }).toContain('Ledgerly social strategy 2028')
    expect((await plansOf()).map((p) => p.title)).toContain('Ledgerly social strategy 2028')

    // Archive the old one: read-only, under Archived.
    await page.goto(`${live.server.url}/w/${live.fx.workspace.id}/plans/${plan.id}`)
    await planActions(page, 'Archive')
    await page.getByTestId('archived-banner').waitFor()
    await expect.poll(() => page.getByRole('button', { name: 'Rename the plan' }).count(), { timeout: 15_000 }).toBe(0)
    await home(page)
    const archived = page.getByTestId('archived-plans')
    await archived.getByRole('button', { name: /Archived/ }).click()
    await archived.getByRole('link', { name: 'Ledgerly social strategy 2027' }).waitFor()
    expect((await plansOf(true)).map((p) => p.id)).toContain(plan.id)

    // Delete it, after a confirmation that names it.
    await archived.getByRole('link', { name: 'Ledgerly social strategy 2027' }).click()
    await page.getByTestId('archived-banner').waitFor()
    await planActions(page, 'Delete plan…')
    const confirm = page.getByRole('dialog', { name: 'Delete “Ledgerly social strategy 2027”?' })
    await confirm.getByRole('button', { name: 'Delete plan' }).click()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${live.server.url}/w/${live.fx.workspace.id}`)
    expect((await live.fx.owner.req('GET', `/api/plans/${plan.id}`)).status).toBe(404)
    expect([...(await plansOf()), ...(await plansOf(true))].map((p) => p.id)).not.toContain(plan.id)
  })
})
