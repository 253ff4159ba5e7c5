import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { addItem, updateItem } from '../../shared/plan-model/write'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { type LivePlanBrowser, PHONE, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import type { ServerProcess } from '../support/server-process'
import { type StockClient, eventually, stockClient } from '../support/sync-clients'
import { poll } from '../support/prose'

/**
 * Approvals as people see them, in Chromium against a real server process: the Sales lead approves in
 * one browser and the other shows it; an edit to a Sales target makes that approval stale in both,
 * with what changed; Marketing's approval stands.
 */
/** Live updates cross a server and another browser, on a machine busy with other suites: allow them time. */

describe.skipIf(!HAS_CHROMIUM)('approvals in the browser', () => {
  let server: ServerProcess
  let fx: LivePlanBrowser['fx']
  let salesLead: ApiClient
  let marketingLead: ApiClient
  const writers: StockClient[] = []

  const bar = (page: Page) => page.getByTestId('approval-bar')
  const state = (page: Page) => bar(page).getAttribute('data-state')
  const approvalOf = async (dept: string) =>
    (
      await fx.owner.req<{ approvals: { departmentId: string; currentHash: string; state: string }[] }>(
        'GET',
        `/api/plans/${fx.plan.id}/approvals`,
      )
    ).json.approvals.find((a) => a.departmentId === fx.dept(dept))!

  /** A stock y-websocket client of that department's editor writes objectives; resolves once the server holds them. */
  async function writeObjectives(who: ApiClient, dept: string, objectives: Record<string, unknown>[]) {
    const before = (await approvalOf(dept)).currentHash
    const writer = stockClient(server.url, who.cookieHeader, fx.objectivesOf(dept).id)
    writers.push(writer)
    expect(await writer.synced).toBe(true)
    const ids = objectives.map((o) => addItem(writer.doc, 'objectives', ['objectives'], o))
    await eventually(async () => (await approvalOf(dept)).currentHash !== before, `${dept}'s objectives are stored`)
    return { writer, ids }
  }

  const live = livePlanBrowser(async (ctx) => {
    ;({ server, fx } = ctx)
    // Each department's lead: an editor of it, made lead by the owner.
    const makeLead = async (name: string, dept: string) => {
      const lead = await fx.member('editor', { name, departments: [dept] })
      const res = await fx.owner.req('PATCH', `/api/workspaces/${fx.workspace.id}/members/${lead.user!.id}`, {
        leadOf: [fx.dept(dept)],
      })
      expect(res.status, res.text).toBe(200)
      return lead
    }
    salesLead = await makeLead('Lee Sales Lead', 'Sales')
    marketingLead = await makeLead('Mia Marketing Lead', 'Marketing')
  })
  const pageAs = (who: ApiClient, query: string, viewport?: { width: number; height: number }) =>
    live.pageAs(who, query, viewport)
  afterAll(() => {
    for (const w of writers) w.close()
  })

  it(
    'the lead approves live; editing a target makes only that approval stale, with the diff',
    { timeout: 120_000 },
    async () => {
      const sales = await writeObjectives(fx.salesEditor, 'Sales', [
        {
          statement: 'Grow qualified leads from LinkedIn',
          metric: 'Leads per month',
          baseline: 40,
          target: 120,
          deadline: '2027-06-30',
          owner: fx.salesEditor.user!.id,
        },
        {
          statement: 'Shorten the reply time to sales questions',
          metric: 'Hours',
          baseline: 24,
          target: 4,
          deadline: '2027-03-31',
        },
      ])
      await writeObjectives(fx.marketingEditor, 'Marketing', [
        {
          statement: 'Double newsletter sign-ups',
          metric: 'Sign-ups',
          baseline: 1000,
          target: 2000,
          deadline: '2027-12-31',
        },
      ])
      expect(
        (
          await fx.marketingEditor.req(
            'POST',
            `/api/plans/${fx.plan.id}/departments/${fx.dept('Marketing')}/objectives/submit`,
          )
        ).status,
      ).toBe(200)
      expect(
        (
          await marketingLead.req(
            'POST',
            `/api/plans/${fx.plan.id}/departments/${fx.dept('Marketing')}/objectives/decision`,
            { decision: 'approve' },
          )
        ).status,
      ).toBe(200)

      // The Sales editor submits in the browser; the lead sees it waiting for them.
      const salesSection = `section=${fx.objectivesOf('Sales').id}`
      const sam = await pageAs(fx.salesEditor, salesSection)
      const lee = await pageAs(salesLead, salesSection)
      await poll(() => state(sam)).toBe('draft')
      await bar(sam).getByRole('button', { name: 'Submit for approval' }).click()
      await poll(() => state(sam)).toBe('submitted')
      await poll(() => state(lee)).toBe('submitted')
      await bar(lee).getByText('waiting for Lee Sales Lead').waitFor()
      expect(await bar(sam).getByRole('button', { name: 'Approve' }).count()).toBe(0)

      // The lead approves; the editor's browser shows it at once.
      await bar(lee).getByRole('button', { name: 'Approve', exact: true }).click()
      await poll(() => state(lee)).toBe('approved')
      await poll(() => state(sam)).toBe('approved')
      await bar(sam).getByText('Approved by Lee Sales Lead').waitFor()
      await bar(sam).scrollIntoViewIfNeeded()
      await sam.screenshot({ path: artifactPath('approval-approved.png'), animations: 'disabled' })

      // An editor changes a Sales target (a stock client with the plan-model helpers): stale in both, with what changed.
      updateItem(sales.writer.doc, 'objectives', ['objectives'], sales.ids[0]!, { target: 150 })
      await poll(() => state(sam)).toBe('stale')
      await poll(() => state(lee)).toBe('stale')
      for (const page of [sam, lee]) {
        const row = bar(page).getByTestId('approval-change')
        await poll(() => row.count()).toBe(1)
        await poll(() => row.innerText()).toMatch(/Grow qualified leads from LinkedIn\s+Target\s+120\s+150/)
      }
      await bar(lee).getByRole('button', { name: 'Re-approve' }).waitFor()
      await bar(lee).scrollIntoViewIfNeeded()
      await lee.screenshot({ path: artifactPath('approval-stale-diff.png'), animations: 'disabled' })

      // Marketing's approval stands.
      expect((await approvalOf('Marketing')).state).toBe('approved')
      const mia = await pageAs(marketingLead, `section=${fx.objectivesOf('Marketing').id}`)
      await poll(() => state(mia)).toBe('approved')
      await bar(mia).getByText('Approved by Mia Marketing Lead').waitFor()

      // The stale approval on a phone, table and all.
      const phone = await pageAs(salesLead, salesSection, PHONE)
      await poll(() => state(phone)).toBe('stale')
      await bar(phone).scrollIntoViewIfNeeded()
      await phone.screenshot({ path: artifactPath('approval-stale-phone.png'), animations: 'disabled' })

      // The lead sends them back, with a reason (required); the editor reads it.
      await bar(lee).getByRole('button', { name: 'Request changes' }).click()
      const dialog = lee.getByRole('dialog')
      await dialog.getByRole('button', { name: 'Request changes' }).click()
      await dialog.getByText('a reason is required').waitFor()
      await dialog
        .getByRole('textbox', { name: 'What should change' })
        .fill('150 leads is not realistic before June; keep 120 or move the deadline.')
      await dialog.getByRole('button', { name: 'Request changes' }).click()
      await poll(() => state(sam)).toBe('changes_requested')
      await bar(sam).getByTestId('approval-reason').getByText('keep 120 or move the deadline').waitFor()
    },
  )

  it('the activity feed and the inbox tell the story', { timeout: 60_000 }, async () => {
    const lee = await pageAs(salesLead, 'view=activity')
    const feed = lee.getByTestId('activity-feed')
    await feed.getByText('Lee Sales Lead requested changes to Sales’ objectives.').waitFor()
    await feed.getByText('Sales’ approved objectives were edited by Sam Sales; the approval is stale.').waitFor()
    await feed.getByText('Mia Marketing Lead approved Marketing’s objectives.').waitFor()
    // Filtered by department: Marketing's own events only.
    await lee.getByRole('combobox', { name: 'Department' }).click()
    await lee.getByRole('option', { name: 'Marketing' }).click()
    await poll(() => feed.getByText('Sales’ approved objectives were edited').count()).toBe(0)
    await feed.getByText('Mia Marketing Lead approved Marketing’s objectives.').waitFor()
    await lee.getByRole('combobox', { name: 'Department' }).click()
    await lee.getByRole('option', { name: 'Sales' }).click()
    await feed.getByText('Sam Sales submitted Sales’ objectives for approval.').waitFor()
    await lee.screenshot({ path: artifactPath('activity-feed.png'), animations: 'disabled' })

    // The plan overview shows where each department stands.
    const overview = await pageAs(fx.viewer, 'view=overview')
    await poll(() =>
      overview.getByTestId('department-approval').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))),
    ).toEqual(expect.arrayContaining(['changes_requested', 'approved', 'draft']))
    await overview.screenshot({ path: artifactPath('overview-approvals.png'), animations: 'disabled' })

    const phone = await pageAs(salesLead, 'view=activity', PHONE)
    await phone.getByTestId('activity-feed').getByTestId('activity-event').first().waitFor()
    await phone.screenshot({ path: artifactPath('activity-feed-phone.png'), animations: 'disabled' })

    // The lead's inbox: the submission waiting for them, and the stale approval.
    await lee.getByRole('button', { name: /Notifications \(2 unread\)/ }).click()
    const inbox = lee.getByTestId('inbox')
    await inbox.getByText('Sam Sales submitted objectives for your approval').waitFor()
    await inbox.getByText('Objectives you lead were edited after approval').waitFor()
    await lee.screenshot({ path: artifactPath('inbox-approvals.png'), animations: 'disabled' })
    await inbox.getByRole('button', { name: 'Mark all read' }).click()
    await lee.getByRole('button', { name: 'Notifications', exact: true }).waitFor()
    await phone.getByRole('button', { name: 'Notifications', exact: true }).click()
    await phone.getByTestId('inbox').getByText('Objectives you lead were edited after approval').waitFor()
    await phone.screenshot({ path: artifactPath('inbox-phone.png'), animations: 'disabled' })
    // A notification leads to its section.
    await phone.getByTestId('inbox').getByText('Objectives you lead were edited after approval').click()
    await poll(() => state(phone)).toBe('changes_requested')
  })
})
