import type { MiddlewareHandler } from 'hono'
import { errorJson } from './errors'

/**
 * CSRF protection (docs/product.md#interfaces-integrators-rely-on): a non-GET request whose Origin header is present and foreign is refused.
 * A client that sends no Origin (a script, curl) is allowed: browsers always send it on such requests.
 */
export function sameOriginOnly(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next()
    const origin = c.req.header('origin')
    if (origin === undefined || isSameOrigin(origin, c.req.header('host'), allowedOrigins)) return next()
    return errorJson(c, 403, 'foreign_origin', 'This request came from another site and was refused.')
  }
}

export function isSameOrigin(origin: string, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes(origin)) return true
  try {
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}
