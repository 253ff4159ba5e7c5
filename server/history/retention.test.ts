import { describe, expect, it } from 'vitest'
import { RETENTION, snapshotsToKeep } from './retention'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
// A fixed "now" on a week boundary of the epoch, so buckets are easy to reason about.
const NOW = 3000 * 7 * DAY

/** A snapshot every `every` ms going back `span` ms from now. */
function history(span: number, every: number) {
  const out = []
  for (let at = NOW - every; at > NOW - span; at -= every) out.push({ id: `s${at}`, createdAt: at })
  return out
}
const ages = (kept: Set<string>, all: { id: string; createdAt: number }[]) =>
  all.filter((s) => kept.has(s.id)).map((s) => NOW - s.createdAt)

describe('snapshotsToKeep', () => {
  it('keeps every snapshot of the last 24 hours', () => {
    const all = history(DAY, 5 * MIN)
    expect(snapshotsToKeep(all, NOW).size).toBe(all.length)
  })

  it('keeps the newest of each hour for 7 days, of each day for 90 days, of each week after', () => {
    const all = history(400 * DAY, 30 * MIN)
    const kept = ages(snapshotsToKeep(all, NOW), all)
    const between = (from: number, to: number) => kept.filter((a) => a >= from && a < to)
    expect(between(0, DAY)).toHaveLength(47)
    // Hourly between 1 and 7 days: one per hour (an hour that straddles the 24 h line may add one).
    expect(between(DAY, 7 * DAY).length).toBeGreaterThanOrEqual(6 * 24)
    expect(between(DAY, 7 * DAY).length).toBeLessThanOrEqual(6 * 24 + 1)
    expect(between(7 * DAY, 90 * DAY).length).toBeGreaterThanOrEqual(83)
    expect(between(7 * DAY, 90 * DAY).length).toBeLessThanOrEqual(84)
    const weekly = between(90 * DAY, 400 * DAY).length
    expect(weekly).toBeGreaterThanOrEqual(44)
    expect(weekly).toBeLessThanOrEqual(46)
    // Bounded (partial weeks at both ends of the weekly tier included): about 47 + 144 + 83 + 45, whatever the frequency of snapshots was.
    expect(kept.length).toBeLessThan(330)
  })

  it('keeps the newest snapshot of a bucket, and that one survives as it ages into coarser tiers', () => {
    const hourStart = NOW - 3 * DAY - (NOW % HOUR)
    const inHour = [hourStart + 5 * MIN, hourStart + 20 * MIN, hourStart + 50 * MIN].map((at) => ({
      id: `h${at}`,
      createdAt: at,
    }))
    const kept = snapshotsToKeep(inHour, NOW)
    expect([...kept]).toEqual([`h${hourStart + 50 * MIN}`])
    // Later, in the daily and weekly tiers, the survivor is still the one kept.
    const survivor = inHour.filter((s) => kept.has(s.id))
    expect([...snapshotsToKeep(survivor, NOW + 30 * DAY)]).toEqual([...kept])
    expect([...snapshotsToKeep(survivor, NOW + 200 * DAY)]).toEqual([...kept])
  })

  it('thins an existing history the same way run once or again and again', () => {
    const all = history(30 * DAY, 10 * MIN)
    const once = snapshotsToKeep(all, NOW)
    const again = snapshotsToKeep(
      all.filter((s) => once.has(s.id)),
      NOW,
    )
    expect(again).toEqual(once)
  })

  it('states its tiers in order', () => {
    expect(RETENTION.map((t) => t.within)).toEqual([DAY, 7 * DAY, 90 * DAY, Infinity])
  })
})
