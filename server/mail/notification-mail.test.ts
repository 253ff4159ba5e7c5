import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plans/schema'
import { ApiClient, type TestApp, startTestApp, workspaceFixture } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'
import { type TestSmtp, rawHeader, recipient, startTestSmtp } from '../../tests/support/smtp'
import { DAY_MS, mailNewNotifications, sendDigests } from './notification-mailer'
import { createMailTransport } from './transport'
import { type MailWorker, startMailWorker } from './worker'

describe.each(ENGINES)('notification mail on $engine', (engine) => {
  let smtp: TestSmtp
  let t: TestApp
  let worker: MailWorker
  let fx: Awaited<ReturnType<typeof workspaceFixture>>
  let plan: Plan
  let viewer: ApiClient
  let commenter: ApiClient
  const deps = () => ({ storage: t.services.storage, hub: t.services.hub, config: t.services.config })
  const mention = (who: ApiClient, body: string) =>
    commenter.req('POST', `/api/sections/${plan.sections[0]!.id}/comments`, {
      body: `${body} @[${who.user!.name}](${who.user!.id})`,
    })
  /** A mail to someone else, sent after the ones under test: once it is in, theirs would be too. */
  async function flushWith(marker: ApiClient) {
    await mention(marker, 'Marker')
    await mailNewNotifications(deps())
    await smtp.waitFor((m) => recipient(m) === marker.user!.email && m.text!.includes('Marker'))
  }

  beforeEach(async (ctx) => {
    if (!engine.available) return ctx.skip()
    smtp = await startTestSmtp()
    t = await startTestApp(engine)
    worker = startMailWorker(t.services.storage, createMailTransport(smtp.url, 'Planroom <m@planroom.test>'), {
      pollMs: 25,
    })
    fx = await workspaceFixture(t.app, 'Northwind')
    plan = (await fx.owner.req<Plan>('POST', `/api/workspaces/${fx.workspace.id}/plans`, { title: 'Plan 2027' })).json
    viewer = await fx.member('viewer', { name: 'Vera Viewer' })
    commenter = await fx.member('commenter', { name: 'Cole Commenter' })
  })
  afterEach(async () => {
    await worker?.stop()
    await t?.services.hub.close()
    await t?.dispose()
    await smtp?.close()
  })

  it.skipIf(!engine.available)(
    'a mention is mailed with the excerpt, the plan, a link to the place and one-click unsubscribe',
    async () => {
      expect(
        (await viewer.req<{ user: { emailNotifications: string } }>('GET', '/api/auth/me')).json.user
          .emailNotifications,
      ).toBe('instant')
      await mention(viewer, 'Can you check the tone here?')
      expect(await mailNewNotifications(deps())).toBe(1)
      const mail = await smtp.waitFor((m) => recipient(m) === viewer.user!.email)
      expect(mail.subject).toBe('Cole Commenter mentioned you in Plan 2027')
      expect(mail.text).toContain('Can you check the tone here?')
      expect(mail.text).toContain(
        `http://planroom.test/w/${fx.workspace.id}/plans/${plan.id}?section=${plan.sections[0]!.id}&thread=`,
      )
      expect(mail.html).toContain('Open the comment')
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
      const unsubscribeUrl = rawHeader(mail, 'List-Unsubscribe').replace(/^<|>$/g, '')
      expect(unsubscribeUrl).toMatch(/^http:\/\/planroom\.test\/api\/mail\/unsubscribe\//)

      // No session: the link alone. A GET asks, the POST (RFC 8058) turns mail off.
      const stranger = new ApiClient(t.app)
      const path = new URL(unsubscribeUrl).pathname
      const page = await stranger.req('GET', path)
      expect(page.status).toBe(200)
      expect(page.text).toContain('Turn notification mail off')
      expect(
        (await viewer.req<{ user: { emailNotifications: string } }>('GET', '/api/auth/me')).json.user
          .emailNotifications,
      ).toBe('instant')
      const done = await stranger.req('POST', path, 'List-Unsubscribe=One-Click', {
        'content-type': 'application/x-www-form-urlencoded',
      })
      expect(done.status).toBe(200)
      expect(
        (await viewer.req<{ user: { emailNotifications: string } }>('GET', '/api/auth/me')).json.user
          .emailNotifications,
      ).toBe('off')
      expect((await stranger.req('GET', path.slice(0, -3) + 'xyz')).status).toBe(404)

      await mention(viewer, 'Second one')
      await flushWith(fx.owner)
      expect(smtp.mails.filter((m) => recipient(m) === viewer.user!.email)).toHaveLength(1)
    },
  )

  it.skipIf(!engine.available)('preference off: no mail; in the plan right now: no instant mail', async () => {
    const off = await viewer.req('PATCH', '/api/auth/me', { emailNotifications: 'off' })
    expect(off.status).toBe(200)
    expect((await viewer.req('PATCH', '/api/auth/me', { emailNotifications: 'weekly' })).status).toBe(400)
    await mention(viewer, 'Muted')
    // The owner has the plan open: its presence room has them as a peer.
    const room = await t.services.hub.join(plan.id, { send() {}, who: { userId: fx.owner.user!.id } })
    expect(room).toBeTruthy()
    await mention(fx.owner, 'While you are here')
    const marker = await fx.member('editor', { name: 'Mark Marker' })
    await flushWith(marker)
    expect(smtp.mails.filter((m) => recipient(m) === viewer.user!.email)).toHaveLength(0)
    expect(smtp.mails.filter((m) => recipient(m) === fx.owner.user!.email)).toHaveLength(0)
  })

  it.skipIf(!engine.available)('daily: one digest a day groups what happened', async () => {
    expect((await viewer.req('PATCH', '/api/auth/me', { emailNotifications: 'daily' })).status).toBe(200)
    await mention(viewer, 'First thing')
    await mention(viewer, 'Second thing')
    expect(await mailNewNotifications(deps())).toBe(0)
    expect(await sendDigests(deps())).toBe(0) // the day is not over
    expect(await sendDigests(deps(), Date.now() + DAY_MS + 1000)).toBe(1)
    const digest = await smtp.waitFor((m) => recipient(m) === viewer.user!.email)
    expect(digest.subject).toBe('Your Planroom day: 2 updates')
    expect(digest.text).toContain('Plan 2027:')
    expect(digest.text).toContain('First thing')
    expect(digest.text).toContain('Second thing')
    expect(rawHeader(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(await sendDigests(deps(), Date.now() + DAY_MS + 2000)).toBe(0)
  })

  it.skipIf(!engine.available)(
    'objectives submitted to a lead, and the decision, are mailed to the people concerned',
    async () => {
      const lead = await fx.member('editor', { name: 'Lea Lead', departments: ['Sales'], leadOf: ['Sales'] })
      const seller = await fx.member('editor', { name: 'Sam Seller', departments: ['Sales'] })
      const approval = `/api/plans/${plan.id}/departments/${fx.dept('Sales')}/objectives`
      const submitted = await seller.req('POST', `${approval}/submit`)
      expect(submitted.status).toBe(200)
      await mailNewNotifications(deps())
      const toLead = await smtp.waitFor((m) => recipient(m) === lead.user!.email)
      expect(toLead.subject).toBe('Sales objectives await your approval in Plan 2027')
      expect(toLead.text).toContain(`/plans/${plan.id}`)

      const decided = await lead.req('POST', `${approval}/decision`, {
        decision: 'request_changes',
        reason: 'Add a deadline to each.',
      })
      expect(decided.status).toBe(200)
      await mailNewNotifications(deps())
      const toSeller = await smtp.waitFor((m) => recipient(m) === seller.user!.email)
      expect(toSeller.subject).toBe('Lea Lead decided on Sales’ objectives in Plan 2027')
      expect(toSeller.text).toContain('Add a deadline to each.')
    },
  )
})
