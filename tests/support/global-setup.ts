import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'

/** Browser suites test the built web app exactly as `npm start` serves it, so build it once first. */
export default async function setup() {
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return
  const root = path.resolve(import.meta.dirname, '../..')
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
}
