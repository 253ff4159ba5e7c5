import { z } from 'zod'
import { LIMITS } from '../limits'

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailLength)
  .pipe(z.email({ message: 'Enter a valid email address.' }))

export const SignupBody = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(LIMITS.nameLength),
  email: Email,
  password: z
    .string()
    .min(LIMITS.passwordMin, `Use at least ${LIMITS.passwordMin} characters.`)
    .max(LIMITS.passwordMax),
})
export type SignupBody = z.infer<typeof SignupBody>

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1, 'Enter your password.').max(LIMITS.passwordMax),
})
export type LoginBody = z.infer<typeof LoginBody>

export const User = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
})
export type User = z.infer<typeof User>

export const UserResponse = z.object({ user: User })
export type UserResponse = z.infer<typeof UserResponse>

/** `GET /api/auth/session`: who is signed in, or null, always 200 (a signed-out page logs no error). */
export const SessionResponse = z.object({ user: User.nullable() })
