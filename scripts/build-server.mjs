// Bundles the server into ES modules for `node`; packages stay in node_modules (native modules). A module
// the server imports only on use (`await import(...)`: exports, history, plan templates) becomes a chunk
// of its own beside main.js, so a process holds it only once a request needs it.
import fs from 'node:fs'
import { build } from 'esbuild'

fs.rmSync('dist/server', { recursive: true, force: true })
await build({
  entryPoints: ['server/main.ts'],
  outdir: 'dist/server',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
