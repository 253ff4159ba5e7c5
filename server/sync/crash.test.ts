import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, type TestDatabase } from '../../tests/support/engines'
import { crashSoak } from '../../tests/soak/crash-soak'

/**
 * The crash soak in every `npm test`, a few rounds per engine (`npm run soak` runs 200 and writes
 * docs/soak.md): SIGKILL at random moments while stock clients type; no line that any client received
 * is missing from the database after a kill, and everyone converges on the database at the end.
 */
const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 12)

describe.each(ENGINES)('crash safety on $engine', (engine) => {
  describe.skipIf(!engine.available)('a server killed with SIGKILL while stock clients type', () => {
    let database: TestDatabase
    beforeAll(async () => {
      database = await engine.open()
    })
    afterAll(() => database?.dispose())

    it(
      'loses nothing a client received, and every client converges on the stored document',
      async () => {
        const report = await crashSoak({ database, rounds: ROUNDS })
        expect(report.lost).toEqual([])
        expect(report.notConverged).toBeNull()
        expect(report.kills).toBe(ROUNDS)
        expect(report.received).toBeGreaterThan(100)
        console.info(
          `[crash ${engine.engine}] ${report.kills} kills, ${report.received} received lines checked, ${report.written} written, ${report.seconds.toFixed(1)} s`,
        )
      },
      120_000 + ROUNDS * 10_000,
    )
  })
})
