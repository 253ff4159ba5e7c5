import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plans/schema'
import { httpTarget, workspaceFixture } from '../support/api'
import { ENGINES, type TestDatabase } from '../support/engines'
import { HAS_REDIS, REDIS_URL } from '../support/requirements'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { bodyText, stockClient } from '../support/sync-clients'

/**
 * What `npm start` runs is the esbuild bundle, not the sources the other suites run under tsx: packages
 * bundled in, and what only some requests need (the database and Redis drivers, Tiptap's renderers,
 * templates) split into chunks loaded on use. This builds it and takes each of those paths once.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const OUT = path.join('dist', `server-test-${process.pid}`)

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', OUT], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`the server build failed:\n${built.stderr}`)
})
afterAll(() => fs.rmSync(path.join(ROOT, OUT), { recursive: true, force: true }))

describe.each(ENGINES)('the compiled server on $engine', (engine) => {
  let db: TestDatabase
  let server: ServerProcess
  beforeAll(async () => {
    if (!engine.available) return
    db = await engine.open()
    // Redis too where there is one, so its driver's chunk is loaded and connected.
    const redis: Record<string, string> = engine.engine === 'postgres' && HAS_REDIS ? { REDIS_URL } : {}
    server = await startServerProcess({ ...db.env, ...redis }, undefined, [], path.join(OUT, 'main.js'))
  })
  afterAll(async () => {
    await server?.stop()
    await db?.dispose()
  })

  it.skipIf(!engine.available)('serves a template plan, its exports and its live sections', async () => {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as Record<string, { status: string }>
    expect(health.database).toMatchObject({ status: 'ok', engine: engine.engine })
    if (engine.engine === 'postgres' && HAS_REDIS) expect(health.redis!.status).toBe('ok')

    const fx = await workspaceFixture(httpTarget(), 'Compiled', server.url)
    const created = await fx.owner.req<Plan>('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
      title: 'Fjellsti 2027',
      templateId: 'outdoor-gear-shop',
    })
    expect(created.status, created.text).toBe(201)
    const plan = created.json

    // A workspace's own template: saved and started from, each loaded on use.
    const saved = await fx.owner.req<{ id: string }>('POST', `/api/plans/${plan.id}/template`, { name: 'Ours' })
    expect(saved.status, saved.text).toBe(201)
    const fromSaved = await fx.owner.req('POST', `/api/workspaces/${fx.workspace.id}/plans`, {
      title: 'Fjellsti 2028',
      templateId: saved.json.id,
    })
    expect(fromSaved.status, fromSaved.text).toBe(201)

    const markdown = await fx.owner.req('GET', `/api/plans/${plan.id}/export?format=md`)
    expect(markdown.status).toBe(200)
    expect(markdown.text).toContain('# Fjellsti 2027')
    const html = await fx.owner.req('GET', `/api/plans/${plan.id}/export?format=html`)
    expect(html.text).toContain('data:image/svg+xml;base64,')

    const overview = plan.sections.find((s) => s.kind === 'overview')!
    const reader = stockClient(server.url, fx.owner.cookieHeader, overview.id)
    try {
      expect(await reader.synced).toBe(true)
      expect(bodyText(reader.doc).length).toBeGreaterThan(0)
    } finally {
      reader.close()
    }
    expect((await fx.owner.req('GET', `/api/sections/${overview.id}/versions`)).status).toBe(200)
  })
})
