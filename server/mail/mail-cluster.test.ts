import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniqueEmail } from '../../tests/support/api'
import { ENGINES, type TestDatabase } from '../../tests/support/engines'
import { type ServerProcess, startServerProcess } from '../../tests/support/server-process'
import { type TestSmtp, recipient, startTestSmtp } from '../../tests/support/smtp'
import { enqueueMail } from './outbox'
import { renderMail } from './templates'

const postgres = ENGINES.find((e) => e.engine === 'postgres')!

describe.skipIf(!postgres.available)('mail with two server processes on PostgreSQL', () => {
  let smtp: TestSmtp
  let database: TestDatabase
  let servers: ServerProcess[] = []

  beforeAll(async () => {
    smtp = await startTestSmtp()
    database = await postgres.open()
    const env = { ...database.env, SMTP_URL: smtp.url, MAIL_FROM: 'Planroom <mail@planroom.test>', MAIL_POLL_MS: '20' }
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)])
  }, 60_000)
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await database?.dispose()
    await smtp?.close()
  })

  it('each queued mail is sent once', async () => {
    const to = uniqueEmail('cluster')
    const subjects = Array.from({ length: 40 }, (_, i) => `Mail ${i} ${to}`)
    for (const subject of subjects)
      await enqueueMail(database.storage.db, {
        ...renderMail({ subject, heading: subject, paragraphs: [] }),
        to,
        kind: 'test',
      })
    for (const subject of subjects) await smtp.waitFor((m) => m.subject === subject, 20_000)
    // A mail queued after all of them arrives only once every earlier claim is done.
    const marker = uniqueEmail('marker')
    await enqueueMail(database.storage.db, {
      ...renderMail({ subject: 'Marker', heading: 'x', paragraphs: [] }),
      to: marker,
      kind: 'test',
    })
    await smtp.waitFor((m) => recipient(m) === marker)
    const got = smtp.mails.filter((m) => recipient(m) === to).map((m) => m.subject!)
    expect(got.sort()).toEqual([...subjects].sort())
  }, 60_000)
})
