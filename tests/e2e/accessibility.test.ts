import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plans/schema'
import { artifactPath } from '../support/browser'
import { livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'

/**
 * Usable by everyone: axe-core's WCAG 2.1 A and AA rules find nothing on the sign-in page, the
 * workspace home, a plan written from a template and the members page; the plan page opens with a
 * "Skip to the editor" link for keyboard users.
 */
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core')
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
/** WCAG 2.5.3 "Label in name": axe files it as experimental, so it runs only when asked for. */
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } }
const WIDE = { width: 1440, height: 900 }

interface Violation {
  id: string
  impact: string | null
  nodes: { target: unknown[]; html: string; failureSummary?: string }[]
}

/** Runs axe in the page: one line per violated rule with id, impact, count, the first targets and why. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH })
  const found = await page.evaluate(
    async ([values, rules]) => {
      const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<{ violations: Violation[] }> } }).axe
      const result = await axe.run(document, { runOnly: { type: 'tag', values }, rules })
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }))
    },
    [WCAG_21_AA, EXTRA_RULES] as const,
  )
  return found.map(
    (v) =>
      `${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(
          ', ',
        )} — ${v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''} in ${v.nodes[0]?.html.slice(0, 160) ?? ''}`,
  )
}

describe.skipIf(!HAS_CHROMIUM)('accessibility in the browser', () => {
  const live = livePlanBrowser()
  const workspaceUrl = () => `${live.server.url}/w/${live.fx.workspace.id}`
  let templatePlan: Plan | undefined
  const planUrl = async () => {
    templatePlan ??= (
      await live.fx.owner.req('POST', `/api/workspaces/${live.fx.workspace.id}/plans`, {
        title: 'Fjellsti social plan 2027',
        templateId: 'outdoor-gear-shop',
      })
    ).json as Plan
    return `${workspaceUrl()}/plans/${templatePlan.id}`
  }
  const openPlan = async () => {
    const page = await live.pageAs(live.fx.owner, '', WIDE)
    await page.goto(await planUrl())
    await page.getByRole('heading', { level: 1, name: 'Fjellsti social plan 2027' }).waitFor()
    await page.locator('.planroom-prose').first().waitFor()
    // Everything the section shows has loaded, so axe sees the page a person reads.
    await page.waitForLoadState('networkidle')
    return page
  }

  it('the sign-in page has no WCAG 2.1 AA violation', { timeout: 60_000 }, async () => {
    const context = await live.browser.newContext({ viewport: WIDE })
    const page = await context.newPage()
    await page.goto(`${live.server.url}/signin`)
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    expect(await violations(page)).toEqual([])
    await context.close()
  })

  it('the workspace home has no WCAG 2.1 AA violation', { timeout: 60_000 }, async () => {
    const page = await live.pageAs(live.fx.owner, '', WIDE)
    await page.goto(workspaceUrl())
    await page.getByRole('button', { name: 'New plan' }).first().waitFor()
    expect(await violations(page)).toEqual([])
  })

  it('a plan written from a template has no WCAG 2.1 AA violation', { timeout: 90_000 }, async () => {
    const page = await openPlan()
    await page.screenshot({ path: artifactPath('accessibility-plan-1440.png'), animations: 'disabled' })
    expect(await violations(page)).toEqual([])
  })

  it('the members page has no WCAG 2.1 AA violation', { timeout: 60_000 }, async () => {
    const page = await live.pageAs(live.fx.owner, '', WIDE)
    await page.goto(`${workspaceUrl()}/settings/members`)
    await page.getByRole('heading', { name: 'Members' }).waitFor()
    await page.getByText('Sam Sales').first().waitFor()
    expect(await violations(page)).toEqual([])
  })

  it(
    'the first Tab on a plan shows "Skip to the editor", and Enter moves focus into the editor',
    { timeout: 90_000 },
    async () => {
      const page = await openPlan()
      const skip = page.getByRole('link', { name: 'Skip to the editor' })
      const onScreen = async () => {
        const box = await skip.boundingBox()
        return Boolean(box && box.y >= 0 && box.width > 20 && box.height > 10)
      }
      expect(await onScreen()).toBe(false)
      await page.keyboard.press('Tab')
      await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true)
      await expect.poll(onScreen).toBe(true)
      await page.screenshot({ path: artifactPath('accessibility-skip-link.png'), animations: 'disabled' })
      await page.keyboard.press('Enter')
      await expect
        .poll(() =>
          page.evaluate(() => {
            const focused = document.activeElement as HTMLElement | null
            const editable = focused?.isContentEditable === true || focused?.tagName === 'TEXTAREA'
            return editable && focused?.closest('[data-section-pane]') !== null
          }),
        )
        .toBe(true)
    },
  )
})
