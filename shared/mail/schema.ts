import { z } from 'zod'

export const OutboxMail = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.number(),
  /** queued: waiting or retrying; sent: handed to SMTP; logged: written to the log (no SMTP_URL). */
  status: z.enum(['queued', 'sent', 'logged']),
  attempts: z.number(),
  lastError: z.string().nullable(),
})
export type OutboxMail = z.infer<typeof OutboxMail>

export const OutboxList = z.object({
  /** False when no SMTP_URL is set: mail is only written to the log and shown here. */
  smtpConfigured: z.boolean(),
  mails: z.array(OutboxMail),
})
export type OutboxList = z.infer<typeof OutboxList>
