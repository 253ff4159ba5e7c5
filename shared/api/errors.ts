import { z } from 'zod'

/** Every failure at the API edge has this shape (docs/product.md#interfaces-integrators-rely-on). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export function isErrorBody(value: unknown): value is ErrorBody {
  return ErrorBody.safeParse(value).success
}
