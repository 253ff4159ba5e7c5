import type { ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import { errorFromResponse } from './errors'

/** The body type of the 2xx answers of a typed `hc` call. */
export type OkBody<R> = R extends ClientResponse<infer T, infer S> ? (S extends SuccessStatusCode ? T : never) : never

/**
 * Awaits a typed API call and returns its success body; any other status throws an ApiError with the
 * server's code and message. A 204 answers `undefined`.
 */
export async function call<R extends ClientResponse<unknown, number, string>>(request: Promise<R>): Promise<OkBody<R>> {
  const res = await request
  if (!res.ok) throw await errorFromResponse(res)
  if (res.status === 204) return undefined as OkBody<R>
  return (await res.json()) as OkBody<R>
}
