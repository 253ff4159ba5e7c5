import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'

/**
 * Browser suites test the built web app exactly as `npm start` serves it, so build it once first,
 * into a folder of this run's own (CLIENT_DIR, inherited by workers and server processes) so that
 * concurrent runs never rebuild files a running server is serving.
 * SKIP_CLIENT_BUILD=1 skips it when iterating on server-only suites.
 */
export default async function setup() {
  if (process.env.SKIP_CLIENT_BUILD === '1') return
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return
  const root = path.resolve(import.meta.dirname, '../..')
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planroom-client-'))
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  process.env.CLIENT_DIR = outDir
  return () => fs.rmSync(outDir, { recursive: true, force: true })
}
