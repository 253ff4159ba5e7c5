import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { freePort } from './server-process'

/**
 * A real SMTP server (the Nodemailer project's smtp-server) on a free port, keeping every mail it
 * accepts, parsed by mailparser. `down()` and `up()` stop and restart it on the same port.
 */
export interface TestSmtp {
  url: string
  mails: ParsedMail[]
  /** Resolves with the first received mail matching, waiting for it if needed. */
  waitFor(match: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const port = await freePort()
  const mails: ParsedMail[] = []
  const waiters = new Set<() => void>()
  let server: SMTPServer | null = null

  async function up() {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail)
            for (const w of waiters) w()
            callback()
          })
          .catch(callback)
      },
    })
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject)
      s.listen(port, '127.0.0.1', () => resolve())
    })
    server = s
  }
  async function down() {
    const s = server
    server = null
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
  }

  await up()
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.find(match)
          if (!found) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no matching mail within ${timeoutMs} ms; got: ${mails.map((m) => m.subject).join(' | ')}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    down,
    up,
    close: down,
  }
}

/** The address a mail was sent to. */
export const recipient = (m: ParsedMail) => {
  const to = Array.isArray(m.to) ? m.to[0] : m.to
  return to?.value[0]?.address ?? ''
}

/** A header as sent (mailparser folds List-* headers into one parsed object; tests want the text). */
export const rawHeader = (m: ParsedMail, name: string) => {
  const line = m.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? ''
  return line.slice(line.indexOf(':') + 1).trim()
}
