import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readContent } from '../../shared/plan-model/read'
import { addItem, setField } from '../../shared/plan-model/write'
import type { SectionKind } from '../../shared/plans/catalog'
import type { ApiClient } from '../support/api'
import { artifactPath } from '../support/browser'
import { DESKTOP, type LivePlanBrowser, PHONE, livePlanBrowser } from '../support/live-plan-browser'
import { HAS_CHROMIUM } from '../support/requirements'
import type { ServerProcess } from '../support/server-process'
import { eventually, stockClient } from '../support/sync-clients'

/** A day of the current month (local time, as the browser's calendar opens on it), `YYYY-MM-DD`. */
const now = new Date()
const pad = (n: number) => String(n).padStart(2, '0')
const day = (d: number) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(d)}`
/** The same day `back` months ago. */
const monthsAgo = (back: number, d = 1) => {
  const t = new Date(now.getFullYear(), now.getMonth() - back, d)
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`
}

/**
 * The plan calendar, the Indicators section and the plan overview in Chromium against a real server:
 * entries written by a stock y-websocket client show on everyone's calendar; dragging one to another
 * day in one browser moves it in the other; people who may not edit a network cannot drag its entries.
 */
describe.skipIf(!HAS_CHROMIUM)('plan calendar, indicators and overview in the browser', () => {
  let server: ServerProcess
  let fx: LivePlanBrowser['fx']
  let sections: { id: string; kind: SectionKind; title: string; ownerDepartmentId: string | null }[]
  const sectionOf = (kind: SectionKind, title?: string) =>
    sections.find((s) => s.kind === kind && (title === undefined || s.title === title))!

  /** Write into a section through a stock client, then wait until a fresh client reads it back from the server. */
  async function seed<K extends SectionKind>(
    sectionId: string,
    kind: K,
    fill: (doc: Y.Doc) => void,
    stored: (content: ReturnType<typeof readContent<K>>) => boolean,
  ) {
    const writer = stockClient(server.url, fx.owner.cookieHeader, sectionId)
    expect(await writer.synced).toBe(true)
    fill(writer.doc)
    const reader = stockClient(server.url, fx.owner.cookieHeader, sectionId)
    try {
      await eventually(() => stored(readContent(reader.doc, kind)), `${kind} content stored`)
    } finally {
      reader.close()
      writer.close()
    }
  }

  const calendarOf = async (who: ApiClient, viewport?: { width: number; height: number }) => {
    const page = await pageAs(who, 'view=calendar', viewport)
    await page.getByTestId('plan-calendar').waitFor()
    return page
  }
  /** The calendar entry with this title, on this day. */
  const entryOn = (page: Page, date: string, title: string) =>
    page.locator(`td[data-date="${date}"] .fc-event`, { hasText: title })

  const live = livePlanBrowser(async (ctx) => {
    ;({ server, fx } = ctx)
    const instagram = await fx.owner.req('POST', `/api/plans/${fx.plan.id}/networks`, { name: 'Instagram' })
    expect(instagram.status).toBe(201)
    const linkedIn = await fx.owner.req<{ sections: typeof sections }>('POST', `/api/plans/${fx.plan.id}/networks`, {
      name: 'LinkedIn',
      ownerDepartmentId: fx.dept('Sales'),
    })
    expect(linkedIn.status).toBe(201)
    sections = linkedIn.json.sections

    const mo = fx.marketingEditor.user!.id
    await seed(
      sectionOf('network', 'Instagram').id,
      'network',
      (doc) => {
        addItem(doc, 'network', ['calendar'], {
          date: day(10),
          theme: 'Launch teaser',
          format: 'reel',
          owner: mo,
          status: 'planned',
        })
        addItem(doc, 'network', ['calendar'], {
          date: day(14),
          theme: 'Behind the scenes',
          format: 'story',
          owner: mo,
          status: 'ready',
        })
        addItem(doc, 'network', ['calendar'], {
          date: day(21),
          theme: 'Customer story',
          format: 'post',
          owner: 'Agency Bright',
          status: 'idea',
        })
        addItem(doc, 'network', ['calendar'], {
          date: day(3),
          theme: 'Product tips',
          format: 'image',
          owner: mo,
          status: 'published',
        })
        addItem(doc, 'network', ['calendar'], { date: null, theme: 'Summer contest', format: 'post', status: 'idea' })
      },
      (c) => c.calendar.length === 5,
    )
    await seed(
      sectionOf('network', 'LinkedIn').id,
      'network',
      (doc) => {
        addItem(doc, 'network', ['calendar'], {
          date: day(12),
          theme: 'Case study: Acme Logistics',
          format: 'article',
          owner: fx.salesEditor.user!.id,
          status: 'in_progress',
        })
        addItem(doc, 'network', ['calendar'], {
          date: day(19),
          theme: 'We are hiring',
          format: 'post',
          status: 'planned',
        })
      },
      (c) => c.calendar.length === 2,
    )
    await seed(
      sectionOf('process').id,
      'process',
      (doc) => {
        addItem(doc, 'process', ['deliverables'], {
          what: 'Monthly report',
          who: mo,
          due: day(27),
          status: 'not_started',
        })
        addItem(doc, 'process', ['deliverables'], {
          what: 'Next month’s editorial calendar',
          due: day(24),
          status: 'in_progress',
        })
      },
      (c) => c.deliverables.length === 2,
    )
    await seed(
      sectionOf('indicators').id,
      'indicators',
      (doc) => {
        const followers = addItem(doc, 'indicators', ['kpis'], {
          indicator: 'followers',
          label: 'Instagram followers',
          unit: 'followers',
          baseline: 4000,
          target: 10000,
        })
        ;[4200, 4900, 5600, 6900].forEach((value, i) =>
          addItem(doc, 'indicators', ['kpis', followers, 'actuals'], { date: monthsAgo(3 - i), value }),
        )
        const traffic = addItem(doc, 'indicators', ['kpis'], {
          indicator: 'traffic',
          label: 'Visits from social networks',
          unit: 'visits',
          baseline: 1200,
          target: 3000,
        })
        ;[1100, 1500, 1450].forEach((value, i) =>
          addItem(doc, 'indicators', ['kpis', traffic, 'actuals'], { date: monthsAgo(2 - i), value }),
        )
        addItem(doc, 'indicators', ['kpis'], {
          indicator: 'roi',
          label: 'Return on investment',
          unit: '%',
          baseline: 0,
          target: 150,
        })
      },
      (c) => c.kpis.length === 3,
    )
    await seed(
      fx.objectivesOf('Marketing').id,
      'objectives',
      (doc) => {
        addItem(doc, 'objectives', ['objectives'], {
          statement: 'Grow the Instagram community to 10,000 followers',
          metric: 'Instagram followers',
          unit: 'followers',
          baseline: 4000,
          target: 10000,
          deadline: day(28),
          owner: mo,
        })
        addItem(doc, 'objectives', ['objectives'], {
          statement: 'Be known as the friendliest brand in the sector',
          owner: mo,
        })
      },
      (c) => c.objectives.length === 2,
    )
    await seed(
      fx.objectivesOf('Sales').id,
      'objectives',
      (doc) => {
        addItem(doc, 'objectives', ['objectives'], {
          statement: 'Capture 50 qualified leads a month from LinkedIn',
          metric: 'Qualified leads',
          unit: 'leads',
          baseline: 12,
          target: 50,
          deadline: day(28),
          owner: fx.salesEditor.user!.id,
        })
      },
      (c) => c.objectives.length === 1,
    )
    await seed(
      fx.shared.id,
      'overview',
      (doc) => {
        setField(doc, 'overview', 'businessAims', 'Sell more online and answer customers where they already are.')
        setField(doc, 'overview', 'departmentIds', [fx.dept('Marketing'), fx.dept('Sales')])
      },
      (c) => c.departmentIds.length === 2,
    )
  })
  const pageAs = (who: ApiClient, query: string, viewport?: { width: number; height: number }) =>
    live.pageAs(who, query, viewport)

  it('dragging an entry to another day moves it in the other person’s calendar', { timeout: 90_000 }, async () => {
    const olivia = await calendarOf(fx.owner)
    const mo = await calendarOf(fx.marketingEditor)
    // Written by a stock client, shown on both calendars, with the process's deliverables.
    await entryOn(olivia, day(10), 'Launch teaser').waitFor()
    await entryOn(mo, day(10), 'Launch teaser').waitFor()
    await entryOn(mo, day(12), 'Case study: Acme Logistics').waitFor()
    await entryOn(mo, day(27), 'Monthly report').waitFor()
    await olivia.screenshot({ path: artifactPath('calendar-month.png'), animations: 'disabled', fullPage: true })

    const from = (await entryOn(olivia, day(10), 'Launch teaser').boundingBox())!
    const to = (await olivia.locator(`td[data-date="${day(17)}"]`).boundingBox())!
    await olivia.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await olivia.mouse.down()
    await olivia.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 6, { steps: 4 })
    await olivia.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
    await olivia.mouse.up()

    // Moved in the OTHER browser, live, and stored by the server.
    await entryOn(mo, day(17), 'Launch teaser').waitFor()
    await expect.poll(() => entryOn(mo, day(10), 'Launch teaser').count(), { timeout: 15_000 }).toBe(0)
    await expect.poll(() => entryOn(olivia, day(17), 'Launch teaser').count(), { timeout: 15_000 }).toBe(1)
    await mo.getByText('Week', { exact: true }).click()
    await mo.locator('.fc-dayGridWeek-view').waitFor()
    await mo.screenshot({ path: artifactPath('calendar-week.png'), animations: 'disabled' })
    const check = stockClient(server.url, fx.owner.cookieHeader, sectionOf('network', 'Instagram').id)
    try {
      await eventually(
        () => readContent(check.doc, 'network').calendar.find((e) => e.theme === 'Launch teaser')?.date === day(17),
        'the new date stored',
      )
    } finally {
      check.close()
    }
  })

  it('a new entry made from a day of the calendar appears for everyone', { timeout: 60_000 }, async () => {
    const olivia = await calendarOf(fx.owner)
    const sam = await calendarOf(fx.salesEditor)
    await entryOn(olivia, day(14), 'Behind the scenes').waitFor()
    await olivia.locator(`td[data-date="${day(5)}"]`).click({ position: { x: 40, y: 60 } })
    const dialog = olivia.getByRole('dialog', { name: 'New calendar entry' })
    await dialog.getByLabel('Theme').fill('Poll: your favourite product')
    await olivia.screenshot({ path: artifactPath('calendar-new-entry.png'), animations: 'disabled' })
    await dialog.getByRole('button', { name: 'Add entry' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await entryOn(sam, day(5), 'Poll: your favourite product').waitFor()
  })

  it('people who may not edit a network see its entries but cannot drag them', { timeout: 60_000 }, async () => {
    const vic = await calendarOf(fx.viewer)
    const entry = entryOn(vic, day(14), 'Behind the scenes')
    await entry.waitFor()
    expect(await entry.getAttribute('class')).toContain('pr-locked')
    expect(await entry.getAttribute('class')).not.toContain('fc-event-draggable')
    expect(await vic.getByTestId('new-calendar-entry').isDisabled()).toBe(true)
    // Sam (Sales) may edit LinkedIn, owned by Sales, but not Instagram, owned by Marketing.
    const sam = await calendarOf(fx.salesEditor)
    await entryOn(sam, day(12), 'Case study: Acme Logistics').waitFor()
    expect(await entryOn(sam, day(12), 'Case study: Acme Logistics').getAttribute('class')).toContain(
      'fc-event-draggable',
    )
    expect(await entryOn(sam, day(14), 'Behind the scenes').getAttribute('class')).not.toContain('fc-event-draggable')
    // Clicking an entry opens its section.
    await entryOn(sam, day(14), 'Behind the scenes').click()
    await sam.getByLabel('Section: Instagram').waitFor()
  })

  it('shows the calendar on a phone', { timeout: 60_000 }, async () => {
    const phone = await calendarOf(fx.owner, PHONE)
    await phone.locator('.fc-list-event', { hasText: 'Behind the scenes' }).waitFor()
    await phone.screenshot({ path: artifactPath('calendar-list-phone.png'), animations: 'disabled', fullPage: true })
    await phone.getByText('Month', { exact: true }).click()
    await entryOn(phone, day(14), 'Behind the scenes')
      .or(phone.locator(`td[data-date="${day(14)}"] .fc-more-link`))
      .first()
      .waitFor()
    await phone.screenshot({ path: artifactPath('calendar-month-phone.png'), animations: 'disabled', fullPage: true })
  })

  it('shows the indicators with a chart each', { timeout: 60_000 }, async () => {
    for (const [name, viewport] of [
      ['indicators.png', DESKTOP],
      ['indicators-phone.png', PHONE],
    ] as const) {
      const page = await pageAs(fx.owner, `section=${sectionOf('indicators').id}`, viewport)
      await page.getByTestId('indicators-content').waitFor()
      await page.getByLabel('Indicator: Instagram followers').locator('.recharts-line-curve').waitFor()
      await page.getByLabel('Indicator: Visits from social networks').locator('.recharts-line-curve').waitFor()
      await page.screenshot({ path: artifactPath(name), animations: 'disabled', fullPage: true })
    }
  })

  it('the overview shows each department’s objectives, findings and the six steps', { timeout: 60_000 }, async () => {
    for (const [name, viewport] of [
      ['overview.png', DESKTOP],
      ['overview-phone.png', PHONE],
    ] as const) {
      const page = await pageAs(fx.owner, 'view=overview', viewport)
      await page.getByTestId('plan-overview').waitFor()
      const marketing = page.getByLabel('Department: Marketing')
      await marketing.getByText('Grow the Instagram community to 10,000 followers').waitFor()
      // The objective without a metric or target is flagged, from the health check.
      await marketing
        .getByText(/cannot be measured/)
        .first()
        .waitFor()
      await page.getByLabel('Department: Sales').getByText('Capture 50 qualified leads a month from LinkedIn').waitFor()
      await expect
        .poll(() => page.getByTestId('step-1').getAttribute('data-state'), { timeout: 15_000 })
        .toBe('started')
      // Every section's room has synced: the steps are computed from all of them.
      await expect.poll(() => page.getByLabel('Reading the sections').count(), { timeout: 15_000 }).toBe(0)
      await page.screenshot({ path: artifactPath(name), animations: 'disabled', fullPage: true })
    }
  })
})
