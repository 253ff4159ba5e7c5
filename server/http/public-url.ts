import type { Context } from 'hono'
import type { Config } from '../config'

/**
 * The origin of links that leave the app (docs/product.md#mail-and-the-calendar-feed): PUBLIC_URL when set, else the request's own origin,
 * and outside a request http://localhost:$PORT.
 */
export function publicOrigin(config: Pick<Config, 'publicUrl' | 'port'>, c?: Context): string {
  if (config.publicUrl) return config.publicUrl
  if (c) return new URL(c.req.url).origin
  return `http://localhost:${config.port}`
}
