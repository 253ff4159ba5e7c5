// Writes docs/bundle.md from the built web app (`npm run build` first): every chunk's size raw, gzip and
// brotli, and what each page downloads before it is usable, from vite's manifest (a page's chunk plus
// everything it imports statically; chunks it imports dynamically load later, when opened).
//   node scripts/bundle-report.mjs [--check] [--json]   # --check: exit 1 when a page is over its budget
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import zlib from 'node:zlib'

const root = path.resolve(import.meta.dirname, '..')
const dir = path.join(root, 'dist/client')
const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8'))

// Budgets from issue 16, in compressed (brotli, as browsers are sent) bytes of JavaScript and CSS.
const PAGES = [
  { name: 'Sign-in page', modules: ['index.html'], budget: 200_000 },
  {
    name: 'Plan page, section editor usable',
    modules: ['index.html', 'shell/WorkspaceLayout.tsx', 'plans/PlanPage.tsx'],
    budget: 450_000,
  },
]
const ON_OPEN = [
  ['Calendar (FullCalendar)', 'calendar/CalendarView.tsx'],
  ['Indicators charts', 'indicators/IndicatorsEditor.tsx'],
  ['Version history and diffs', 'history/HistoryDrawer.tsx'],
]

const sizes = new Map()
function sizeOf(file) {
  if (!sizes.has(file)) {
    const full = path.join(dir, file)
    const raw = fs.readFileSync(full)
    const compressed = (suffix, make) =>
      fs.existsSync(full + suffix) ? fs.statSync(full + suffix).size : make(raw).length
    sizes.set(file, {
      raw: raw.length,
      gzip: compressed('.gz', (b) => zlib.gzipSync(b, { level: 9 })),
      brotli: compressed('.br', (b) => zlib.brotliCompressSync(b)),
    })
  }
  return sizes.get(file)
}

/** The files a set of manifest entries loads before running: their chunks, static imports and CSS. */
function staticClosure(keys, seen = new Set()) {
  for (const key of keys) {
    const entry = manifest[key]
    if (!entry) throw new Error(`${key} is not in the build's manifest`)
    if (seen.has(entry.file)) continue
    seen.add(entry.file)
    for (const css of entry.css ?? []) seen.add(css)
    staticClosure(entry.imports ?? [], seen)
  }
  return seen
}

const total = (files) =>
  [...files]
    .map(sizeOf)
    .reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    })
const kb = (n) => `${(n / 1000).toFixed(1)} KB`
const row = (cells) => `| ${cells.join(' | ')} |`

const lines = [
  '# Client bundle',
  '',
  'Written by `node scripts/bundle-report.mjs` (also `npm run bench -- --only bundle`) from `dist/client` after',
  '`npm run build`. The server sends the brotli copy to browsers that accept it (all current ones), gzip',
  'otherwise; hashed chunks are cached for a year, so a second visit downloads only what a deploy changed.',
  '',
  '## What a page downloads before it is usable',
  '',
  row(['Page', 'Files', 'Raw', 'gzip', 'brotli', 'Budget (brotli)', 'Met']),
  row(['---', '---:', '---:', '---:', '---:', '---:', '---']),
]
let over = false
const pageTotals = []
const loadedByPlanPage = staticClosure(PAGES[1].modules)
for (const page of PAGES) {
  const files = staticClosure(page.modules)
  const t = total(files)
  const met = t.brotli <= page.budget
  over ||= !met
  pageTotals.push({ name: page.name, budget: page.budget, ...t })
  lines.push(row([page.name, files.size, kb(t.raw), kb(t.gzip), kb(t.brotli), kb(page.budget), met ? 'yes' : '**no**']))
}
lines.push('', '## Loaded when opened, on top of the plan page', '')
lines.push(row(['Panel', 'Files', 'Raw', 'gzip', 'brotli']), row(['---', '---:', '---:', '---:', '---:']))
for (const [name, key] of ON_OPEN) {
  const files = [...staticClosure([key])].filter((f) => !loadedByPlanPage.has(f))
  const t = total(files)
  lines.push(row([name, files.length, kb(t.raw), kb(t.gzip), kb(t.brotli)]))
}
lines.push('', '## Every chunk', '', row(['File', 'Raw', 'gzip', 'brotli']), row(['---', '---:', '---:', '---:']))
const chunks = fs
  .readdirSync(path.join(dir, 'assets'))
  .filter((f) => /\.(js|css)$/.test(f))
  .map((f) => ({ file: `assets/${f}`, ...sizeOf(`assets/${f}`) }))
  .sort((a, b) => b.raw - a.raw)
for (const c of chunks)
  lines.push(row([`\`${c.file.replace(/-[\w-]{8}\./, '.')}\``, kb(c.raw), kb(c.gzip), kb(c.brotli)]))
const t = total(chunks.map((c) => c.file))
lines.push(row(['**all**', kb(t.raw), kb(t.gzip), kb(t.brotli)]), '')

fs.writeFileSync(path.join(root, 'docs/bundle.md'), lines.join('\n'))
// --json: the page totals for the benchmark report (bench/lean-report.ts); else the pages table.
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(pageTotals) + '\n')
else process.stdout.write(lines.slice(6, 6 + 4 + PAGES.length).join('\n') + '\n')
if (process.argv.includes('--check') && over) process.exit(1)
