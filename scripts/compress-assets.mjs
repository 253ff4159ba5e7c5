// Writes a .br and a .gz beside every compressible file of the built web app, so the server sends them as
// they are (server/http/static-assets.ts) instead of compressing on every request.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dir = path.resolve(import.meta.dirname, '../dist/client')
const compressible = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/

for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !compressible.test(entry.name)) continue
  const file = path.join(entry.parentPath, entry.name)
  const raw = fs.readFileSync(file)
  const brotli = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  })
  const gzip = zlib.gzipSync(raw, { level: 9 })
  // A copy that saves nothing is not worth a second path through the server.
  if (brotli.length < raw.length) fs.writeFileSync(`${file}.br`, brotli)
  if (gzip.length < raw.length) fs.writeFileSync(`${file}.gz`, gzip)
}
