import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ApiClient, type TestApp, startTestApp, uniqueEmail, workspaceFixture } from '../../tests/support/api'
import { ENGINES } from '../../tests/support/engines'
import { type TestSmtp, recipient, startTestSmtp } from '../../tests/support/smtp'
import { enqueueMail } from './outbox'
import { renderMail } from './templates'
import { createMailTransport } from './transport'
import { type MailWorker, startMailWorker } from './worker'

const linkIn = (text: string, path: string) => {
  const m = text.match(new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9]+`))
  if (!m) throw new Error(`no ${path} link in:\n${text}`)
  return m[0]
}

describe.each(ENGINES)('mail on $engine', (engine) => {
  let smtp: TestSmtp
  let t: TestApp
  let worker: MailWorker

  beforeAll(async () => {
    smtp = await startTestSmtp()
  })
  afterAll(async () => {
    await smtp?.close()
  })
  beforeEach(async (ctx) => {
    if (!engine.available) return ctx.skip()
    t = await startTestApp(engine)
    worker = startMailWorker(t.services.storage, createMailTransport(smtp.url, 'Planroom <mail@planroom.test>'), {
      pollMs: 25,
      backoffBaseMs: 25,
      maxBackoffMs: 200,
    })
  })
  afterEach(async () => {
    await worker?.stop()
    await t?.dispose()
  })

  it.skipIf(!engine.available)(
    'password reset: mailed link sets the password once, ends every old session',
    async () => {
      const email = uniqueEmail('reset')
      const laptop = await new ApiClient(t.app).signup('Rita Reset', email)
      const phone = new ApiClient(t.app)
      expect((await phone.req('POST', '/api/auth/login', { email, password: laptop.password })).status).toBe(200)

      const asked = await new ApiClient(t.app).req('POST', '/api/auth/password-reset', { email })
      expect(asked.status).toBe(202)
      const nobody = await new ApiClient(t.app).req('POST', '/api/auth/password-reset', { email: uniqueEmail('ghost') })
      expect(nobody.status).toBe(202)
      expect(nobody.json).toEqual(asked.json)

      const mail = await smtp.waitFor((m) => recipient(m) === email)
      expect(mail.subject).toBe('Reset your Planroom password')
      expect(mail.html).toContain('Choose a new password')
      const link = linkIn(mail.text ?? '', '/reset-password')
      expect(link.startsWith('http://planroom.test/reset-password/')).toBe(true)
      const token = link.split('/').pop()!

      const anon = new ApiClient(t.app)
      const set = await anon.req('POST', `/api/auth/password-reset/${token}`, { password: 'a brand new password' })
      expect(set.status).toBe(204)
      expect((await laptop.req('GET', '/api/auth/me')).status).toBe(401)
      expect((await phone.req('GET', '/api/auth/me')).status).toBe(401)
      const again = await anon.req<{ error: { code: string } }>('POST', `/api/auth/password-reset/${token}`, {
        password: 'yet another password',
      })
      expect(again.status).toBe(410)
      expect(again.json.error.code).toBe('reset_link_invalid')

      const oldPw = await new ApiClient(t.app).req('POST', '/api/auth/login', { email, password: laptop.password })
      expect(oldPw.status).toBe(401)
      const newPw = await new ApiClient(t.app).req('POST', '/api/auth/login', {
        email,
        password: 'a brand new password',
      })
      expect(newPw.status).toBe(200)
    },
    30_000,
  )

  it.skipIf(!engine.available)('password reset is throttled per address and per client', async () => {
    const email = uniqueEmail('flood')
    await new ApiClient(t.app).signup('Fran Flood', email)
    const client = new ApiClient(t.app)
    for (let i = 0; i < 5; i++)
      expect((await client.req('POST', '/api/auth/password-reset', { email })).status).toBe(202)
    // A later mail to someone else shows the queue has been worked through past the flood.
    const other = uniqueEmail('other')
    await new ApiClient(t.app).signup('Otto Other', other)
    await client.req('POST', '/api/auth/password-reset', { email: other })
    await smtp.waitFor((m) => recipient(m) === other)
    expect(smtp.mails.filter((m) => recipient(m) === email)).toHaveLength(3)

    let status = 0
    for (let i = 0; i < 10 && status !== 429; i++)
      status = (await client.req('POST', '/api/auth/password-reset', { email: uniqueEmail('probe') })).status
    expect(status).toBe(429)
  })

  it.skipIf(!engine.available)(
    'SMTP down, then back: every queued mail is sent once',
    async () => {
      await smtp.down()
      const to = uniqueEmail('queued')
      for (const n of [1, 2, 3])
        await enqueueMail(t.services.storage.db, {
          ...renderMail({ subject: `Queued ${n} ${to}`, heading: 'Hi', paragraphs: ['While SMTP was down.'] }),
          to,
          kind: 'test',
        })
      // The worker has tried and failed at least once before SMTP comes back.
      await expect
        .poll(
          async () =>
            (
              await t.services.storage.db
                .selectFrom('mail_outbox')
                .select('last_error')
                .where('to_address', '=', to)
                .execute()
            ).filter((r) => r.last_error).length,
          { timeout: 10_000 },
        )
        .toBe(3)
      await smtp.up()
      for (const n of [1, 2, 3]) await smtp.waitFor((m) => m.subject === `Queued ${n} ${to}`)
      const marker = uniqueEmail('marker')
      await enqueueMail(t.services.storage.db, {
        ...renderMail({ subject: 'Marker', heading: 'x', paragraphs: [] }),
        to: marker,
        kind: 'test',
      })
      await smtp.waitFor((m) => recipient(m) === marker)
      expect(
        smtp.mails
          .filter((m) => recipient(m) === to)
          .map((m) => m.subject)
          .sort(),
      ).toEqual([`Queued 1 ${to}`, `Queued 2 ${to}`, `Queued 3 ${to}`])
    },
    30_000,
  )
})

describe.each(ENGINES)('invite by mail on $engine', (engine) => {
  it.skipIf(!engine.available)(
    'the mail says who invites, where, as what, and holds the link; owners see it in the outbox',
    async () => {
      const smtp = await startTestSmtp()
      const t = await startTestApp(engine)
      const worker = startMailWorker(t.services.storage, createMailTransport(smtp.url, 'Planroom <m@planroom.test>'))
      try {
        const { owner, workspace, dept, member } = await workspaceFixture(t.app, 'Northwind')
        const to = uniqueEmail('invitee')
        const made = await owner.req<{ url: string }>('POST', `/api/workspaces/${workspace.id}/invites`, {
          role: 'editor',
          departmentIds: [dept('Sales')],
          email: to,
        })
        expect(made.status).toBe(201)
        const mail = await smtp.waitFor((m) => recipient(m) === to)
        expect(mail.subject).toBe('Olivia Owner invited you to Northwind on Planroom')
        expect(mail.text).toContain('Your role: Editor.')
        expect(mail.text).toContain('Your departments: Sales.')
        expect(linkIn(mail.text ?? '', '/invite')).toBe(made.json.url)
        expect(mail.html).toContain(made.json.url)

        const outbox = await owner.req<{ mails: { to: string }[] }>(
          'GET',
          `/api/workspaces/${workspace.id}/mail-outbox`,
        )
        expect(outbox.status).toBe(200)
        expect(outbox.json.mails.map((m) => m.to)).toContain(to)
        const editor = await member('editor')
        expect((await editor.req('GET', `/api/workspaces/${workspace.id}/mail-outbox`)).status).toBe(403)
      } finally {
        await worker.stop()
        await t.dispose()
        await smtp.close()
      }
    },
    30_000,
  )
})
