import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { staticAssets } from './static-assets'

// A built web app in miniature: the shell, one hashed chunk with its precompressed copies, a public file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-static-'))
const SHELL = '<!doctype html><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script>'
const CHUNK = 'export const greeting = "hello"\n'.repeat(50)
fs.mkdirSync(path.join(dir, 'assets'))
fs.writeFileSync(path.join(dir, 'index.html'), SHELL)
fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
fs.writeFileSync(path.join(dir, 'assets/app-abc123.js'), CHUNK)
fs.writeFileSync(path.join(dir, 'assets/app-abc123.js.br'), zlib.brotliCompressSync(CHUNK))
fs.writeFileSync(path.join(dir, 'assets/app-abc123.js.gz'), zlib.gzipSync(CHUNK))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const app = new Hono()
app.get('/api/thing', (c) => c.json({ ok: true }))
app.route('/', staticAssets(dir))
app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Nothing here.' } }, 404))

const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers })
const PAGE = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

describe('hashed assets', () => {
  it('sends brotli to a browser that takes it, cached for a year', async () => {
    const res = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(zlib.brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(CHUNK)
  })

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gzip = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, br;q=0' })
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(zlib.gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(CHUNK)
    const plain = await get('/assets/app-abc123.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(await plain.text()).toBe(CHUNK)
  })

  it('answers 404, not the HTML shell, for a chunk that does not exist (a tab open across a deploy)', async () => {
    const res = await get('/assets/app-old999.js', { ...PAGE, 'accept-encoding': 'br' })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('asset_not_found')
  })
})

describe('the HTML shell', () => {
  it('is the answer to a page navigation, revalidated every time through its ETag', async () => {
    const res = await get('/w/acme/plans/42', PAGE)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toBe(SHELL)
    const etag = res.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    const again = await get('/w/acme/plans/42', { ...PAGE, 'if-none-match': etag! })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const changed = await get('/', { ...PAGE, 'if-none-match': '"another-build"' })
    expect(changed.status).toBe(200)
  })

  it('is not the answer to a request that does not ask for HTML, nor under /api, /sync or /assets', async () => {
    expect((await get('/w/acme/plans/42', { accept: 'application/json' })).status).toBe(404)
    expect((await get('/api/nothing', PAGE)).status).toBe(404)
    expect((await get('/sync/section-1', PAGE)).status).toBe(404)
    expect((await get('/assets', PAGE)).status).toBe(404)
    expect(await (await get('/api/thing', PAGE)).json()).toEqual({ ok: true })
  })

  it('serves other built files with revalidation', async () => {
    const res = await get('/favicon.svg')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })
})
