import { describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plans/schema'
import type { WorkspaceTemplateList } from '../../shared/templates/schema'
import { artifactPath } from '../support/browser'
import { livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'

/**
 * A workspace's own template in Chromium against a real server process: the owner saves a plan as a
 * template from the plan header's menu, starts a new plan from it in the "New plan" dialog and finds
 * the saved content there; then deletes the template from the same dialog.
 */
const WIDE = { width: 1440, height: 900 }

describe.skipIf(!HAS_CHROMIUM)('workspace templates, in the browser', () => {
  const live = livePlanBrowser()
  const own = async () =>
    (await live.fx.owner.req<WorkspaceTemplateList>('GET', `/api/workspaces/${live.fx.workspace.id}/templates`)).json
      .own

  it('saves a plan as a template from the header and starts a new plan from it', { timeout: 180_000 }, async () => {
    const source = (
      await live.fx.owner.req<Plan>('POST', `/api/workspaces/${live.fx.workspace.id}/plans`, {
        title: 'Ledgerly plan 2027',
        templateId: 'b2b-software',
      })
    ).json
    const page = await live.pageAs(live.fx.owner, '', WIDE)
    await page.goto(`${live.server.url}/w/${live.fx.workspace.id}/plans/${source.id}`)
    const heading = page.getByRole('heading', { level: 1 })
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toContain('Ledgerly plan 2027')

    await page.getByRole('button', { name: 'Plan actions' }).click()
    await page.getByRole('menuitem', { name: 'Save as template…' }).click()
    const save = page.getByRole('dialog', { name: 'Save as template' })
    await save.getByLabel('Template name').fill('Ledgerly house plan')
    await save.getByRole('button', { name: 'Save template' }).click()
    await expect
      .poll(async () => (await own()).map((t) => t.name), { timeout: 15_000 })
      .toEqual(['Ledgerly house plan'])
    const template = (await own())[0]!

    // The dialog lists it under the workspace's own templates; a plan starts from it.
    await page.getByRole('button', { name: 'New plan' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New plan' })
    await dialog.getByText('This workspace’s templates').waitFor()
    await page.screenshot({ path: artifactPath('new-plan-own-template-1440.png'), animations: 'disabled' })
    await dialog.getByTestId(`template-${template.id}`).click()
    await dialog.getByLabel('Plan title').fill('Ledgerly plan 2028')
    await dialog.getByRole('button', { name: 'Create plan' }).click()
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toContain('Ledgerly plan 2028')

    const list = page.getByRole('list', { name: 'Sections by step' })
    await list
      .getByRole('button', { name: /Objectives . Marketing/ })
      .first()
      .click()
    await page.getByText('Become the voice on e-invoicing rules for small firms').first().waitFor()
    await list
      .getByRole('button', { name: /Overview/ })
      .first()
      .click()
    await expect.poll(() => page.locator('.planroom-prose').first().innerText(), { timeout: 15_000 }).not.toBe('')

    // Deleted from the same dialog, after a confirmation that names it.
    await page.getByRole('button', { name: 'New plan' }).first().click()
    await dialog.getByRole('button', { name: 'Delete the template Ledgerly house plan' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete the template “Ledgerly house plan”?' })
    await confirm.getByRole('button', { name: 'Delete template' }).click()
    await expect.poll(async () => (await own()).length, { timeout: 15_000 }).toBe(0)
    await expect.poll(() => dialog.getByTestId(`template-${template.id}`).count()).toBe(0)
  })
})
