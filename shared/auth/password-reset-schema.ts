import { z } from 'zod'
import { Email, SignupBody } from './schema'

export const PasswordResetRequestBody = z.object({ email: Email })
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>

export const PasswordResetParams = z.object({ token: z.string().min(1).max(200) })

export const PasswordResetBody = z.object({ password: SignupBody.shape.password })
export type PasswordResetBody = z.infer<typeof PasswordResetBody>

export const PasswordResetAccepted = z.object({ message: z.string() })
