// Builds the web app (vite, then precompressed copies) and the server (esbuild) into dist/.
// `--if-stale` (used by `npm start`) rebuilds only a part whose sources hash differently from the hash
// written beside its build, so a second start costs a few milliseconds of hashing.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'

const root = path.resolve(import.meta.dirname, '..')
const ifStale = process.argv.includes('--if-stale')
const parts = {
  client: {
    sources: ['client', 'shared', 'vite.config.ts', 'scripts/compress-assets.mjs', 'package-lock.json'],
    output: 'dist/client/index.html',
    steps: [
      [path.join(root, 'node_modules/.bin/vite'), 'build'],
      [process.execPath, 'scripts/compress-assets.mjs'],
    ],
  },
  server: {
    sources: ['server', 'shared', 'scripts/build-server.mjs', 'package-lock.json'],
    output: 'dist/server/main.js',
    steps: [[process.execPath, 'scripts/build-server.mjs']],
  },
}

function filesUnder(entry) {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return [entry]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules')
    .flatMap((d) => filesUnder(path.join(entry, d.name)))
}

function sourceHash(sources) {
  const hash = createHash('sha256')
  for (const file of sources.flatMap(filesUnder).sort()) {
    if (/\.test\.tsx?$/.test(file)) continue
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0')
  }
  return hash.digest('hex')
}

fs.mkdirSync(path.join(root, 'dist'), { recursive: true })
for (const [name, part] of Object.entries(parts)) {
  const stamp = path.join(root, 'dist', `${name}.hash`)
  const hash = sourceHash(part.sources)
  const fresh =
    fs.existsSync(path.join(root, part.output)) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash
  if (ifStale && fresh) continue
  process.stdout.write(`building the ${name}…\n`)
  fs.rmSync(stamp, { force: true })
  for (const [command, ...args] of part.steps) {
    const step = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
    if (step.status !== 0) process.exit(step.status ?? 1)
  }
  fs.writeFileSync(stamp, hash)
}
