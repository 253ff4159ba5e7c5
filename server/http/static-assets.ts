import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Hono, type Context } from 'hono'
import { errorJson } from './errors'

/**
 * The built web app (vite's output in dist/client, precompressed by scripts/compress-assets.mjs).
 * - `/assets/*` are content-hashed: cached for a year; one that does not exist is a 404, so a tab left
 *   open across a deploy fails its import instead of parsing the HTML shell as JavaScript.
 * - other files (favicon, …) and the HTML shell revalidate every time (`no-cache` + ETag).
 * - every other GET that asks for HTML is a page of the single-page app and gets the shell; API, sync
 *   and asset paths never do.
 * The file list is read once at start: a build replaces the folder, and the process with it.
 */
export function staticAssets(clientDir: string) {
  const files = indexFiles(clientDir)
  const shell = files.get('/index.html')
  const app = new Hono()
  if (!shell) return app

  app.get('/assets/*', (c) => {
    const file = files.get(c.req.path)
    if (!file) return errorJson(c, 404, 'asset_not_found', `There is no ${c.req.path}; reload the page.`)
    return send(c, file, IMMUTABLE)
  })
  app.get('*', (c, next) => {
    const file = files.get(c.req.path)
    if (file) return send(c, file, REVALIDATE)
    if (isPageNavigation(c)) return send(c, shell, REVALIDATE)
    return next()
  })
  return app
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'
const NEVER_THE_SHELL = /^\/(api|sync|assets)(\/|$)/

interface StaticFile {
  path: string
  type: string
  etag: string
  /** Precompressed copies beside the file, best first. */
  encodings: { name: 'br' | 'gzip'; path: string }[]
}

function isPageNavigation(c: Context) {
  return !NEVER_THE_SHELL.test(c.req.path) && (c.req.header('accept') ?? '').includes('text/html')
}

async function send(c: Context, file: StaticFile, cacheControl: string) {
  c.header('Cache-Control', cacheControl)
  c.header('ETag', file.etag)
  c.header('Content-Type', file.type)
  if (file.encodings.length > 0) c.header('Vary', 'Accept-Encoding')
  if (cacheControl === REVALIDATE && etagMatches(c.req.header('if-none-match'), file.etag)) return c.body(null, 304)
  const accepted = acceptedEncodings(c.req.header('accept-encoding'))
  const encoded = file.encodings.find((e) => accepted.has(e.name))
  if (encoded) c.header('Content-Encoding', encoded.name)
  const body = await fs.promises.readFile(encoded?.path ?? file.path)
  return c.body(new Uint8Array(body))
}

function etagMatches(header: string | undefined, etag: string) {
  return !!header && header.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()))
}

/** The codings the client accepts (`br;q=0` refuses one). */
function acceptedEncodings(header: string | undefined) {
  const accepted = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name)
  }
  return accepted
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}
const PRECOMPRESSED = /\.(br|gz)$/

function indexFiles(clientDir: string) {
  const files = new Map<string, StaticFile>()
  if (!fs.existsSync(clientDir)) return files
  for (const entry of fs.readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || PRECOMPRESSED.test(entry.name)) continue
    const full = path.join(entry.parentPath, entry.name)
    const url = '/' + path.relative(clientDir, full).split(path.sep).join('/')
    // vite's manifest (.vite/) is for the build's own scripts, not for browsers.
    if (url.startsWith('/.')) continue
    const encodings = (
      [
        { name: 'br', path: `${full}.br` },
        { name: 'gzip', path: `${full}.gz` },
      ] as const
    ).filter((e) => fs.existsSync(e.path))
    const etag = `"${createHash('sha256').update(fs.readFileSync(full)).digest('base64url').slice(0, 22)}"`
    const type = TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream'
    files.set(url, { path: full, type, etag, encodings: [...encodings] })
  }
  return files
}
