import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeContent } from '../../shared/plan-model/write'
import type { ApiClient, PlanBody } from '../support/api'
import { artifactPath } from '../support/browser'
import { DESKTOP, type LivePlanBrowser, PHONE, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import type { ServerProcess } from '../support/server-process'
import { WITH_ACKS, processed, stockClient } from '../support/sync-clients'

/** Pages load a live document over a socket; on a busy machine that takes a few seconds. */
const SLOW = { timeout: 15_000 }

/**
 * The live health panel and the structured section forms, in Chromium against a real server process:
 * a gap one person makes in their department's objectives shows in another person's open panel
 * without a reload, leads to the field to fix, and goes away for both once it is fixed.
 */
describe.skipIf(!HAS_CHROMIUM)('live plan health in the browser', () => {
  const live = livePlanBrowser()
  let server: ServerProcess
  let fx: LivePlanBrowser['fx']
  beforeAll(() => {
    ;({ server, fx } = live)
  })

  async function pageAs(who: ApiClient, sectionId: string, viewport = DESKTOP): Promise<Page> {
    const page = await live.pageAs(who, `section=${sectionId}`, viewport)
    await page.locator('.planroom-prose').waitFor()
    return page
  }
  const field = (page: Page, suffix: string) =>
    page.locator(`[data-testid="structured-content"] [data-path$="${suffix}"]`)
  const openPanel = async (page: Page) => {
    await page.getByTestId('health-button').click()
    await page.getByTestId('health-findings').waitFor()
    return page.getByTestId('health-findings')
  }
  const closePanel = async (page: Page) => {
    await page.keyboard.press('Escape')
    await page.getByTestId('health-findings').waitFor({ state: 'detached' })
  }
  const findingsAbout = (page: Page, text: string) =>
    page.getByTestId('health-finding').filter({ hasText: text }).count()
  const shot = (page: Page, name: string, fullPage = false) =>
    page.screenshot({ path: artifactPath(name), animations: 'disabled', fullPage })

  it(
    'a finding made in one browser shows in the other’s open panel, leads to its field, and goes away in both once fixed',
    { timeout: 90_000 },
    async () => {
      const sales = fx.objectivesOf('Sales')
      const sam = await pageAs(fx.salesEditor, sales.id)
      const olivia = await pageAs(fx.owner, fx.shared.id)
      const statement = 'Double qualified leads from LinkedIn'
      const message = `“${statement}” has no target`

      await openPanel(olivia)
      expect(await findingsAbout(olivia, statement)).toBe(0)

      // Sam writes an objective with a metric but no target: not measurable.
      await sam.getByRole('button', { name: 'Add objective' }).click()
      await expect.poll(() => field(sam, '.statement').count(), SLOW).toBe(1)
      await field(sam, '.statement').fill(statement)
      await field(sam, '.metric').fill('Qualified leads per month')
      await field(sam, '.baseline').fill('20')
      await field(sam, '.baseline').blur()

      // Olivia's panel, open all along on another section, learns of it without a reload.
      await expect.poll(() => findingsAbout(olivia, message), SLOW).toBe(1)
      const finding = olivia.getByTestId('health-finding').filter({ hasText: message })
      expect(await finding.getAttribute('data-rule')).toBe('objective-not-measurable')
      await shot(olivia, 'health-panel.png')

      // Sam sees it in his own panel too.
      await openPanel(sam)
      await expect.poll(() => findingsAbout(sam, message), SLOW).toBe(1)
      await closePanel(sam)

      // The finding leads Olivia to the very field: the Sales objectives open, the target focused.
      await finding.click()
      await expect
        .poll(() => olivia.evaluate(() => document.activeElement?.getAttribute('data-path') ?? ''), SLOW)
        .toMatch(/^objectives\.[A-Za-z0-9_-]+\.target$/)
      expect(new URL(olivia.url()).searchParams.get('section')).toBe(sales.id)

      // Sam fills the target: Olivia's field shows it live (focused, but she is not typing), and the
      // finding is gone for both.
      await field(sam, '.target').fill('40')
      await field(sam, '.target').blur()
      await expect.poll(() => field(olivia, '.target').inputValue(), SLOW).toBe('40')
      await openPanel(olivia)
      await expect.poll(() => findingsAbout(olivia, message), SLOW).toBe(0)
      await openPanel(sam)
      await expect.poll(() => findingsAbout(sam, message), SLOW).toBe(0)
      await closePanel(sam)
      await closePanel(olivia)
    },
  )

  it('structured sections and the panel, on a desktop and on a phone', { timeout: 90_000 }, async () => {
    // A network section with content, written the way any client would: through the plan model.
    const added = await fx.owner.req<PlanBody>('POST', `/api/plans/${fx.plan.id}/networks`, { name: 'Instagram' })
    expect(added.status).toBeLessThan(300)
    const instagram = added.json.sections.find((s) => s.kind === 'network')!
    const objectiveIds = await fillSection(fx.objectivesOf('Marketing').id, (doc) =>
      writeContent(doc, 'objectives', {
        objectives: [
          {
            id: 'obj-bookings',
            statement: 'Turn Instagram followers into weekday bookings',
            metric: 'Bookings from Instagram',
            unit: 'per month',
            baseline: 12,
            target: 60,
            deadline: '2027-06-30',
            owner: fx.marketingEditor.user!.id,
            networkIds: [instagram.id],
          },
          {
            id: 'obj-reviews',
            statement: 'Be the best-reviewed bakery in town',
            metric: 'Google rating',
            unit: 'stars',
            baseline: 4.2,
            target: null,
            deadline: null,
            owner: '',
            networkIds: [],
          },
        ],
      }),
    ).then(() => ['obj-bookings'])
    await fillSection(instagram.id, (doc) =>
      writeContent(doc, 'network', {
        role: 'brand_image',
        goals: [{ id: 'g1', goal: 'Show the bakers at work, every day', objectiveIds }],
        kpis: [
          { id: 'k1', metric: 'Saves per post', unit: '%', baseline: 1.5, target: 4 },
          { id: 'k2', metric: 'Profile visits', unit: 'per week', baseline: 300, target: null },
        ],
        valueShare: 80,
        editorialLine: 'Warm, close, a little cheeky. Mostly the making of things; offers on Fridays only.',
        themes: [{ id: 't1', topic: 'Behind the oven', frequency: 'Twice a week', sources: 'The bakers’ phones' }],
        calendar: [
          {
            id: 'c1',
            date: '2027-02-05',
            theme: 'Galette week recap',
            format: 'reel',
            owner: fx.marketingEditor.user!.id,
            status: 'planned',
          },
          {
            id: 'c2',
            date: '2027-02-12',
            theme: 'Valentine’s pre-orders',
            format: 'story',
            owner: 'Agence Lumière',
            status: 'idea',
          },
        ],
        interaction: [
          {
            id: 'i1',
            rule: 'Every question in comments gets an answer, then a like',
            responseTimeHours: 4,
            hours: 'Mon–Sat, 8:00–19:00',
            who: fx.marketingEditor.user!.id,
          },
        ],
        growthTactics: [{ id: 'gt1', tactic: 'Feature a customer’s photo every Friday' }],
      }),
    )

    for (const [viewport, size] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const mo = await pageAs(fx.marketingEditor, fx.objectivesOf('Marketing').id, viewport)
      await expect.poll(() => field(mo, '.metric').count(), SLOW).toBe(2)
      await shot(mo, `structured-objectives-${size}.png`, size === 'desktop')
      if (size === 'phone') {
        await mo.locator('[data-path="objectives"]').scrollIntoViewIfNeeded()
        await mo.evaluate(() => window.scrollBy(0, 300))
        await shot(mo, 'structured-objectives-phone-cards.png')
      }
      await mo.getByTestId('advice-toggle').click()
      await mo.getByText('What good looks like').waitFor()
      await shot(mo, `structured-advice-${size}.png`)
      await mo.getByTestId('advice-toggle').click()

      await mo.goto(`${server.url}/w/${fx.workspace.id}/plans/${fx.plan.id}?section=${instagram.id}`)
      await expect.poll(() => field(mo, 'kpis.k2.target').count(), SLOW).toBe(1)
      await shot(mo, `structured-network-${size}.png`, size === 'desktop')
      if (size === 'phone') {
        await mo.locator('[data-path="kpis"]').scrollIntoViewIfNeeded()
        await shot(mo, 'structured-network-kpis-phone.png')
      }
      await mo.locator('[data-path="calendar"]').scrollIntoViewIfNeeded()
      await shot(mo, `structured-network-calendar-${size}.png`)

      await openPanel(mo)
      await expect.poll(() => findingsAbout(mo, 'Profile visits'), SLOW).toBe(1)
      await shot(mo, `health-panel-${size}.png`)
      // Read-only for someone outside the owning department: same layout, nothing to type into.
      const vic = await pageAs(fx.viewer, instagram.id, viewport)
      await expect.poll(() => field(vic, 'kpis.k1.metric').count(), SLOW).toBe(1)
      expect(await field(vic, 'kpis.k1.metric').getAttribute('readonly')).not.toBeNull()
      expect(await vic.getByRole('button', { name: 'Add KPI' }).count()).toBe(0)
      await shot(vic, `structured-network-readonly-${size}.png`)
      await mo.context().close()
      await vic.context().close()
    }
  })

  it('every kind of section shows its structured fields, filled, without errors', { timeout: 120_000 }, async () => {
    const sectionOf = (kind: string) =>
      (fx.plan.sections as { id: string; kind: string }[]).find((s) => s.kind === kind)!
    const marketing = fx.dept('Marketing')
    await fillSection(sectionOf('overview').id, (doc) =>
      writeContent(doc, 'overview', {
        businessAims: 'Fill weekday tables and cut phone calls to the shop.',
        departmentIds: [marketing, fx.dept('Sales')],
        audience: 'Families and office workers within 3 km.',
        whySocial: 'Our customers ask questions on Instagram before they call.',
      }),
    )
    await fillSection(sectionOf('competition').id, (doc) =>
      writeContent(doc, 'competition', {
        competitors: [
          {
            id: 'comp-1',
            name: 'Maison Durand',
            networks: ['Instagram', 'TikTok'],
            audience: 'Young families',
            whatWorks: 'Short videos of bread coming out of the oven.',
            ideas: [
              { id: 'idea-1', idea: 'Oven-opening reels', objectiveId: 'obj-bookings', notForUs: false },
              { id: 'idea-2', idea: 'Daily discount codes', objectiveId: null, notForUs: true },
            ],
          },
        ],
        monitoring: [{ id: 'm1', topic: 'Reviews of our sourdough', where: 'Google reviews', tool: 'Google Alerts' }],
      }),
    )
    await fillSection(sectionOf('positioning').id, (doc) =>
      writeContent(doc, 'positioning', {
        statement: 'For neighbours who care where their bread comes from, we are the bakery that shows every step.',
        traits: [
          { id: 't1', left: 'serious', right: 'cheerful', value: 70 },
          { id: 't2', left: 'formal', right: 'casual', value: 80 },
        ],
        voiceDo: [{ id: 'd1', text: 'Answer with a first name' }],
        voiceDont: [{ id: 'n1', text: 'Use irony with an unhappy customer' }],
      }),
    )
    await fillSection(sectionOf('network_selection').id, (doc) =>
      writeContent(doc, 'network_selection', {
        chosen: [
          {
            id: 'ch-ig',
            name: 'Instagram',
            why: 'Our customers look at food there before they come.',
            sectionId: null,
          },
          { id: 'ch-fb', name: 'Facebook', why: '', sectionId: null },
        ],
        leftOut: [{ id: 'lo-tt', name: 'TikTok', why: 'Nobody on the team to film every day.' }],
      }),
    )
    await fillSection(sectionOf('line_of_conversation').id, (doc) =>
      writeContent(doc, 'line_of_conversation', {
        policies: 'We sign replies with a first name.',
        maySay: [{ id: 'y1', text: 'Where our flour comes from' }],
        mayNotSay: [{ id: 'x1', text: 'Anything about an order in public' }],
        valueVsPromotion: 'Four useful posts for one offer.',
        crisisManual: [
          {
            id: 'cr1',
            situation: 'A photo of a burnt loaf goes around',
            response: 'Apologise within the hour, offer a new loaf, move to messages.',
            who: fx.owner.user!.id,
          },
        ],
      }),
    )
    await fillSection(sectionOf('process').id, (doc) =>
      writeContent(doc, 'process', {
        lead: fx.owner.user!.id,
        communityManagement: 'Mo reads and answers every weekday morning.',
        staffing: 'mixed',
        agency: 'Agence Lumière',
        networkCapacity: 1,
        responsibilities: [
          { id: 'r1', who: fx.marketingEditor.user!.id, what: 'Writes and schedules the Instagram posts' },
        ],
        deliverables: [
          {
            id: 'dl1',
            what: 'March calendar',
            who: fx.marketingEditor.user!.id,
            due: '2027-02-20',
            status: 'in_progress',
          },
        ],
      }),
    )
    await fillSection(sectionOf('tools').id, (doc) =>
      writeContent(doc, 'tools', {
        tools: [{ id: 'tl1', name: 'Meta Business Suite', purpose: 'publishing', notes: 'Mo schedules posts' }],
      }),
    )

    const olivia = await pageAs(fx.owner, fx.shared.id)
    const errors: string[] = []
    olivia.on('pageerror', (e) => errors.push(String(e)))
    for (const [kind, probe] of [
      ['overview', 'audience'],
      ['competition', 'competitors.comp-1.ideas.idea-2.notForUs'],
      ['positioning', 'traits.t2.value'],
      ['network_selection', 'leftOut.lo-tt.why'],
      ['line_of_conversation', 'crisisManual.cr1.who'],
      ['process', 'deliverables.dl1.status'],
      ['tools', 'tools.tl1.purpose'],
    ] as const) {
      await olivia.goto(`${server.url}/w/${fx.workspace.id}/plans/${fx.plan.id}?section=${sectionOf(kind).id}`)
      await olivia.locator(`[data-testid="structured-content"] [data-path="${probe}"]`).first().waitFor()
      await shot(olivia, `structured-${kind}-desktop.png`, true)
    }
    // Network selection reads the team's capacity from Process & team, live.
    await olivia.goto(
      `${server.url}/w/${fx.workspace.id}/plans/${fx.plan.id}?section=${sectionOf('network_selection').id}`,
    )
    await expect.poll(() => olivia.getByTestId('network-capacity').innerText(), SLOW).toMatch(/team can staff 1/)
    expect(errors).toEqual([])
  })

  async function fillSection(sectionId: string, fill: (doc: import('yjs').Doc) => void) {
    const client = stockClient(server.url, fx.owner.cookieHeader, sectionId, WITH_ACKS)
    try {
      expect(await client.synced).toBe(true)
      // Stored before anyone loads the section: the server acknowledges a write once it holds it.
      await processed(client, fill, 'the section is filled')
    } finally {
      client.close()
    }
  }
})
