import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import type { ErrorBody } from '../../shared/api/errors'
import { log } from '../log'

/** An expected failure: becomes `{error: {code, message}}` with its status at the API edge. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`)
export const forbidden = (message = 'You do not have permission to do that.') => new ApiError(403, 'forbidden', message)
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in to continue.')
export const conflict = (code: string, message: string) => new ApiError(409, code, message)
export const invalid = (code: string, message: string) => new ApiError(400, code, message)

export function errorJson(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  const body: ErrorBody = { error: { code, message } }
  for (const [k, v] of Object.entries(headers)) c.header(k, v)
  return c.json(body, status)
}

/** One sentence from a zod error: the first issue, with the field it is about. */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The request is not valid.'
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  const message = issue.message.endsWith('.') ? issue.message : `${issue.message}.`
  return `${where}${message}`
}

/** The app's single error handler: expected errors keep their code, anything else is logged as a 500. */
export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message, err.headers)
  if (err instanceof HTTPException) {
    const status = err.status
    if (status === 413) return errorJson(c, 413, 'payload_too_large', 'The request body is too large.')
    // A body that is not declared as JSON (text/plain, a form, no Content-Type) never reaches a route.
    if (status === 415)
      return errorJson(
        c,
        415,
        'unsupported_media_type',
        'Send the request body as JSON, with Content-Type: application/json.',
      )
    if (status === 400 && /json/i.test(err.message))
      return errorJson(c, 400, 'malformed_json', 'The request body is not valid JSON.')
    return errorJson(c, status, status === 400 ? 'bad_request' : 'http_error', err.message || 'The request failed.')
  }
  log.error('request failed', { method: c.req.method, path: c.req.path, error: err.stack ?? String(err) })
  return errorJson(c, 500, 'internal_error', 'Something went wrong on our side; nothing was changed.')
}
