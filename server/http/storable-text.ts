import type { MiddlewareHandler } from 'hono'
import { isStorableText } from '../../shared/text'
import { errorJson } from './errors'

/** The path (`field`, `list.2`, `a.b`) of the first string, key or value, that no engine stores as sent. */
function unstorableAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path.join('.') || 'body'
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableAt(item, [...path, String(i)])
      if (found !== null) return found
    }
    return null
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = isStorableText(key) ? unstorableAt(item, [...path, key]) : [...path, 'key'].join('.')
      if (found !== null) return found
    }
  }
  return null
}

const isJson = (contentType: string | undefined) => /^application\/(.+\+)?json\b/i.test(contentType ?? '')

/**
 * One rule at the API edge for every string a request carries, in its JSON body or its query: NUL and
 * unpaired surrogates are refused with 400 (`invalid_request`, naming the field), before any route's
 * schema, so no route can forget it and both engines answer alike. A body that is not valid JSON is
 * left to the route's validator, which answers `malformed_json`.
 */
export function refuseUnstorableText(): MiddlewareHandler {
  return async (c, next) => {
    const refuse = (where: string) =>
      errorJson(
        c,
        400,
        'invalid_request',
        `${where}: Text cannot contain the NUL character or a lone UTF-16 surrogate.`,
      )
    const inQuery = unstorableAt(c.req.queries())
    if (inQuery !== null) return refuse(inQuery)
    if (isJson(c.req.header('content-type')) && c.req.raw.body) {
      const body: unknown = await c.req.json().catch(() => undefined)
      const inBody = unstorableAt(body)
      if (inBody !== null) return refuse(inBody)
    }
    return next()
  }
}
