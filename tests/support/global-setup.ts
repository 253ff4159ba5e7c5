import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'

/**
 * Browser suites test the built web app exactly as `npm start` serves it, so build it once first.
 * SKIP_CLIENT_BUILD=1 skips it when iterating on server-only suites.
 */
export default async function setup() {
  if (process.env.SKIP_CLIENT_BUILD === '1') return
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return
  const root = path.resolve(import.meta.dirname, '../..')
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
}
