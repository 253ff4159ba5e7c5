import { z } from 'zod'
import { User } from '../auth/schema'

export const EmailNotifications = z.enum(['instant', 'daily', 'off'])
export type EmailNotifications = z.infer<typeof EmailNotifications>

export const MailPreferencesBody = z.object({ emailNotifications: EmailNotifications })
export type MailPreferencesBody = z.infer<typeof MailPreferencesBody>

/** GET /api/auth/me: the caller, with their choice about notification mail. */
export const Me = User.extend({ emailNotifications: EmailNotifications })
export const MeResponse = z.object({ user: Me })
export type MeResponse = z.infer<typeof MeResponse>

/** `userId.signature` (base64url). */
export const UnsubscribeParams = z.object({
  token: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{20,100}$/, 'Not an unsubscribe link.'),
})
