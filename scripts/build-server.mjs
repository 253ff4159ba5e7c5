// Bundles the server into ES modules for `node`; packages stay in node_modules (native modules). A module
// the server imports only on use (`await import(...)`: exports, history, plan templates) becomes a chunk
// of its own beside main.js, so a process holds it only once a request needs it.
//   node scripts/build-server.mjs [--outdir DIR]   # default dist/server; keep DIR two levels under the root,
//                                                 # as the export's renderer reads client/public from there
import fs from 'node:fs'
import process from 'node:process'
import { build } from 'esbuild'

const at = process.argv.indexOf('--outdir')
const outdir = at > 0 ? process.argv[at + 1] : 'dist/server'
fs.rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: ['server/main.ts'],
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages are bundled too (one parse, no per-file module records: ~8 MB less resident), except native
  // addons and Chromium's driver, which load files of their own at run time.
  external: ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'playwright-core'],
  // CommonJS packages inside an ES module still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  // Whitespace and syntax only: names stay, so logged stack traces read as the sources (sourcemaps map lines).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
})
