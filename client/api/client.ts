import { hc } from 'hono/client'
import type { ApiType } from '../../server/app'

/** The typed API client: every route, param and body is checked against the server's own definitions. */
export const api = hc<ApiType>('/api', {
  // Same-origin cookies carry the session; `include` also covers the Vite dev proxy.
  init: { credentials: 'include' },
})
