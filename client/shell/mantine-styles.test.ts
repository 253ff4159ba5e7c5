import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { HAS_CHROMIUM } from '../../tests/support/requirements'

/**
 * The app imports Mantine's stylesheets per component (client/shell/mantine-styles.ts). A component
 * added without its stylesheet would render unstyled; this reads the built app (built once for the
 * browser suites, hence their condition) and finds every Mantine class its scripts use in its CSS.
 */
const MANTINE_CLASS = /m_[0-9a-f]{8}/g

function filesOf(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
}

describe.runIf(HAS_CHROMIUM && process.env.CLIENT_DIR)('Mantine styles in the built app', () => {
  it('every Mantine component class the scripts use is styled by the shipped CSS', () => {
    const assets = path.join(process.env.CLIENT_DIR!, 'assets')
    const css = new Set(filesOf(assets, '.css').flatMap((text) => text.match(MANTINE_CLASS) ?? []))
    // Classes Mantine itself defines: the packages' own stylesheets name each one (`.m_…`).
    const packages = path.resolve(import.meta.dirname, '../../node_modules/@mantine')
    const known = new Set(
      ['core/styles.css', 'dates/styles.css', 'charts/styles.css', 'notifications/styles.css'].flatMap(
        (f) => fs.readFileSync(path.join(packages, f), 'utf8').match(MANTINE_CLASS) ?? [],
      ),
    )
    const used = new Set(filesOf(assets, '.js').flatMap((text) => text.match(MANTINE_CLASS) ?? []))
    const unstyled = [...used].filter((c) => known.has(c) && !css.has(c))
    expect(used.size).toBeGreaterThan(100)
    expect(unstyled).toEqual([])
  })
})
