import { log } from '../log'
import type { MailOutboxRow } from './tables'

/** Hands one mail to the world; throws when it could not (the worker retries). */
export interface MailTransport {
  via: 'smtp' | 'log'
  send(mail: MailOutboxRow): Promise<void>
  close(): void
}

export function createMailTransport(smtpUrl: string | null, from: string): MailTransport {
  if (!smtpUrl) {
    return {
      via: 'log',
      send(mail) {
        // No SMTP_URL: the log (and the Mail outbox settings page) is where a newcomer reads what would go out.
        log.info('mail (SMTP_URL not set, not sent)', {
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
        })
        return Promise.resolve()
      },
      close() {},
    }
  }
  // nodemailer is loaded only when SMTP_URL is set.
  const transporter = import('nodemailer').then(({ default: nodemailer }) =>
    // Short timeouts: a stuck server should cost one retry, not hold the worker for minutes.
    nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
  )
  return {
    via: 'smtp',
    async send(mail) {
      await (
        await transporter
      ).sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        headers: JSON.parse(mail.headers) as Record<string, string>,
        messageId: `<${mail.id}@planroom>`,
      })
    },
    close: () => void transporter.then((t) => t.close()),
  }
}
