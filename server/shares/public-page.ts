import { Hono } from 'hono'
import type { Context } from 'hono'
import { ShareToken } from '../../shared/shares/schema'
import { EXPORT_CSS } from '../export/styles'
import { findPlan } from '../plans/repo'
import type { Services } from '../services'
import { activeShareByToken } from './repo'

/**
 * What a public page may do: show its own inline styles and images, nothing else (no script, no
 * fetch, no frame, no form). The page holds text people typed; this makes it inert whatever it says.
 */
const HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
}

const NOT_FOUND = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow">
<title>Link not found</title><style>${EXPORT_CSS}</style></head>
<body><main class="doc"><p class="kicker">Planroom</p><h1>This link does not open anything</h1>
<p class="meta">It may have been revoked, or mistyped. Ask whoever sent it for a new one.</p></main></body></html>`

function page(c: Context, status: 200 | 404, html: string) {
  for (const [k, v] of Object.entries(HEADERS)) c.header(k, v)
  return c.html(html, status)
}

/**
 * `GET /s/:token`: the read-only page a public link opens, no account needed. The token opens its
 * own plan only, and of it only what its scope says (the guidelines, or the whole plan); a revoked or
 * unknown token is a 404 at once, as the link is looked up on every request.
 */
export function publicShareRoutes({ storage: { db }, hub }: Services) {
  const built = recentPages()
  return new Hono()
    .get('/:token', async (c) => {
      const token = c.req.param('token')
      const share = ShareToken.safeParse(token).success ? await activeShareByToken(db, token) : undefined
      const plan = share ? await findPlan(db, share.plan_id) : undefined
      if (!share || !plan) return page(c, 404, NOT_FOUND)
      const html = built(share.id, async () => {
        const { makePublicPage } = await import('../export/make')
        return makePublicPage(
          { db, hub },
          plan,
          share.scope,
          (doc) =>
            `A read-only ${share.scope === 'plan' ? 'copy of this plan' : 'copy of these guidelines'}, shared by ${doc.workspace}.`,
        )
      })
      return page(c, 200, await html)
    })
    .all('*', (c) => page(c, 404, NOT_FOUND))
}

/** How long a built page is served again, and for how many links at most. */
const FRESH_FOR_MS = 5_000
const MAX_PAGES = 200

/**
 * A link posted somewhere busy must not rebuild its plan for every visitor: each link's page is built
 * at most once per FRESH_FOR_MS (visitors arriving meanwhile share the build). Only the page is kept;
 * the link itself is still looked up on every request, so a revoked link is a 404 at once.
 */
function recentPages() {
  const pages = new Map<string, { at: number; html: Promise<string> }>()
  return (shareId: string, build: () => Promise<string>): Promise<string> => {
    const hit = pages.get(shareId)
    if (hit && Date.now() - hit.at < FRESH_FOR_MS) return hit.html
    const html = build()
    pages.delete(shareId)
    pages.set(shareId, { at: Date.now(), html })
    if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value!)
    html.catch(() => pages.get(shareId)?.html === html && pages.delete(shareId))
    return html
  }
}
