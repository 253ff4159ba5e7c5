import { z } from 'zod'
import { Email, SignupBody } from './schema'

export const PasswordResetRequestBody = z.object({ email: Email })
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>

export const PasswordResetParams = z.object({
  token: z
    .string()
    .min(20)
    .max(64)
    .regex(/^[a-z0-9]+$/, 'Not a reset link.'),
})

export const PasswordResetBody = z.object({ password: SignupBody.shape.password })
export type PasswordResetBody = z.infer<typeof PasswordResetBody>

export const PasswordResetAccepted = z.object({ message: z.string() })
