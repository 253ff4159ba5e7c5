import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, type TestDatabase } from '../support/engines'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { runFuzz } from './sync-fuzz'

/**
 * A modest run of the sync protocol fuzzer in every `npm test` (`npm run fuzz` runs a large one and
 * writes docs/fuzz.md). FUZZ_SEED replays a run's frames; FUZZ_FRAMES sets how many.
 */
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 20_000)
const SEED = Number(process.env.FUZZ_SEED ?? 20261202)
/** Resident memory the server may gain over a run (a copy of the well-behaved section's growth, buffers, caches). */
const RSS_GROWTH_MB = 200

describe.each(ENGINES)('sync protocol fuzzer on $engine', (engine) => {
  describe.skipIf(!engine.available)('', () => {
    let database: TestDatabase
    let server: ServerProcess
    beforeAll(async () => {
      database = await engine.open()
      server = await startServerProcess(database.env)
    })
    afterAll(async () => {
      await server?.stop('SIGKILL')
      await database?.dispose()
    })

    it(`keeps its promises under ${FRAMES.toLocaleString('en')} hostile frames (seed ${SEED})`, async () => {
      const report = await runFuzz({
        url: server.url,
        pid: server.child.pid!,
        database,
        seed: SEED,
        frames: FRAMES,
        concurrency: 8,
      })
      console.info(
        `[fuzz ${engine.engine}] ${report.frames} frames in ${report.seconds.toFixed(1)} s (${Math.round(report.framesPerSecond)}/s), RSS ${report.rssBeforeMb.toFixed(0)} → ${report.rssAfterMb.toFixed(0)} MB, closes ${JSON.stringify(report.closeCodes)}`,
      )
      expect(report.violations).toEqual([])
      expect(server.child.exitCode).toBeNull()
      expect(report.healthChecks).toBeGreaterThan(0)
      expect(report.healthFailures).toBe(0)
      expect(report.rssAfterMb - report.rssBeforeMb).toBeLessThan(RSS_GROWTH_MB)
      expect(report.frames).toBeGreaterThanOrEqual(FRAMES)
      expect(report.goodTokens).toBeGreaterThan(10)
    }, 600_000)
  })
})
