import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

export const SESSION_COOKIE = 'planroom_session'

/** Secure when the browser reached us over https (directly, or as a trusted proxy says). */
function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  return trustProxy && c.req.header('x-forwarded-proto') === 'https'
}

export function setSessionCookie(c: Context, token: string, expiresAt: number, trustProxy: boolean) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, trustProxy),
    path: '/',
    expires: new Date(expiresAt),
  })
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

export const readSessionToken = (c: Context) => getCookie(c, SESSION_COOKIE) ?? null

/**
 * The token from a raw Cookie header, for the WebSocket upgrade where there is no Hono context. Never
 * throws: a value that is not valid percent-encoding is no token (as over HTTP, where it is no session).
 */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim())
      } catch {
        return null
      }
    }
  }
  return null
}
