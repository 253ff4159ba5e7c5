import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { updateItem, writeContent } from '../../shared/plan-model/write'
import type { Plan } from '../../shared/plans/schema'
import { ApiClient, type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'

interface ReadEvent {
  uid: string
  summary: string
  start: string
  allDay: boolean
  sequence: number
  lastModified: string
  description: string
  categories: string[]
}

/** The feed as an independent parser (ical.js) reads it. */
function readFeed(text: string): ReadEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[])
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v)
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      lastModified: String(v.getFirstPropertyValue('last-modified')),
      description: event.description,
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    }
  })
}

describe.each(ENGINES)('calendar feed on $engine', (engine) => {
  let t: TestApp
  beforeEach(async (ctx) => {
    if (!engine.available) return ctx.skip()
    t = await startTestApp(engine)
  })
  afterEach(async () => {
    await t?.services.hub.close()
    await t?.dispose()
  })

  it.skipIf(!engine.available)(
    'serves every dated entry and deliverable, stable UIDs, an edit bumps SEQUENCE, revoked is 404',
    async () => {
      const fx = await workspaceFixture(t.app, 'Boulangerie Martin')
      const created = await fx.owner.req<Plan>('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
        title: 'Plan 2027',
      })
      const added = await fx.owner.req<Plan>('POST', `/api/plans/${created.json.id}/networks`, {
        name: 'Instagram',
        ownerDepartmentId: fx.dept('Marketing'),
      })
      const plan = added.json
      const network = plan.sections.find((s) => s.kind === 'network')!.id
      const process = plan.sections.find((s) => s.kind === 'process')!.id
      const owner = fx.owner.user!.id
      await t.services.hub.change(network, (doc) =>
        writeContent(doc, 'network', {
          calendar: [
            { id: 'cal1', date: '2027-02-05', theme: 'Galette week recap', format: 'reel', owner, status: 'planned' },
            { id: 'cal2', date: null, theme: 'Some day', format: 'post', owner: '', status: 'idea' },
          ],
        }),
      )
      await t.services.hub.change(process, (doc) =>
        writeContent(doc, 'process', {
          deliverables: [
            { id: 'dl1', what: 'March calendar', who: 'Agence Sud', due: '2027-02-20', status: 'in_progress' },
          ],
        }),
      )

      const viewer = await fx.member('viewer')
      expect((await viewer.req('POST', `/api/plans/${plan.id}/calendar-feed`)).status).toBe(403)
      const made = await fx.owner.req<{ url: string }>('POST', `/api/plans/${plan.id}/calendar-feed`)
      expect(made.status).toBe(201)
      expect(made.json.url).toMatch(/^http:\/\/planroom\.test\/api\/calendar-feeds\/[a-z0-9]+\.ics$/)
      const token = made.json.url.split('/').pop()!.replace('.ics', '')
      const stored = await t.services.storage.db.selectFrom('calendar_feeds').select('token_hash').execute()
      expect(stored.map((r) => r.token_hash)).not.toContain(token)

      // A calendar app: no cookie.
      const app = new ApiClient(t.app)
      const first = await app.req('GET', new URL(made.json.url).pathname)
      expect(first.status).toBe(200)
      expect(first.headers.get('content-type')).toMatch(/^text\/calendar/)
      const events = readFeed(first.text)
      expect(events.map((e) => e.summary).sort()).toEqual(['Due: March calendar', 'Instagram: Galette week recap'])
      const post = events.find((e) => e.summary.startsWith('Instagram'))!
      expect(post).toMatchObject({ start: '2027-02-05', allDay: true, sequence: 0, categories: ['Instagram'] })
      expect(post.description).toContain('Owner: Olivia Owner')
      const due = events.find((e) => e.summary.startsWith('Due'))!
      expect(due).toMatchObject({ start: '2027-02-20', allDay: true, categories: ['Deliverable'] })
      expect(due.description).toContain('Owner: Agence Sud')

      const again = readFeed((await app.req('GET', new URL(made.json.url).pathname)).text)
      expect(again.map((e) => [e.uid, e.sequence]).sort()).toEqual(events.map((e) => [e.uid, e.sequence]).sort())

      await new Promise((r) => setTimeout(r, 1100)) // LAST-MODIFIED has whole seconds
      await t.services.hub.change(network, (doc) =>
        updateItem(doc, 'network', ['calendar'], 'cal1', { date: '2027-02-06' }),
      )
      const edited = readFeed((await app.req('GET', new URL(made.json.url).pathname)).text)
      const moved = edited.find((e) => e.uid === post.uid)!
      expect(moved).toMatchObject({ start: '2027-02-06', sequence: 1 })
      expect(moved.lastModified > post.lastModified).toBe(true)
      expect(edited.find((e) => e.uid === due.uid)!.sequence).toBe(0)

      expect((await fx.owner.req('DELETE', `/api/plans/${plan.id}/calendar-feed`)).status).toBe(204)
      expect((await app.req('GET', new URL(made.json.url).pathname)).status).toBe(404)
      const renewed = await fx.owner.req<{ url: string }>('POST', `/api/plans/${plan.id}/calendar-feed`)
      expect(renewed.json.url).not.toBe(made.json.url)
      expect((await app.req('GET', new URL(renewed.json.url).pathname)).status).toBe(200)
    },
    30_000,
  )
})
