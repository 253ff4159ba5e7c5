/**
 * How many automatic snapshots of a section are kept (README, "History"): every one from the last
 * 24 hours, then the newest of each hour for 7 days, the newest of each day for 90 days, and the
 * newest of each week after that. Named versions and restore markers are never pruned.
 *
 * Buckets are counted from the epoch, so an hour lies inside one day and a day inside one week: the
 * snapshot a tier keeps is also the newest of its bucket in the next, coarser tier, and thinning never
 * drops a snapshot that the coarser tier would have wanted.
 */
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

export interface RetentionTier {
  /** Snapshots younger than this fall in this tier… */
  within: number
  /** …and one per bucket of this size is kept (0: all of them). */
  every: number
}

export const RETENTION: readonly RetentionTier[] = [
  { within: DAY, every: 0 },
  { within: 7 * DAY, every: HOUR },
  { within: 90 * DAY, every: DAY },
  { within: Infinity, every: 7 * DAY },
]

export interface Snapshot {
  id: string
  createdAt: number
}

/** The ids of the automatic snapshots to keep at `now`; the others may be deleted. */
export function snapshotsToKeep(
  snapshots: readonly Snapshot[],
  now: number,
  tiers: readonly RetentionTier[] = RETENTION,
): Set<string> {
  const keep = new Set<string>()
  const newestInBucket = new Map<string, Snapshot>()
  for (const s of snapshots) {
    const age = now - s.createdAt
    const tier = tiers.findIndex((t) => age < t.within)
    if (tier === -1) continue
    const { every } = tiers[tier]!
    if (every === 0) {
      keep.add(s.id)
      continue
    }
    const bucket = `${tier}:${Math.floor(s.createdAt / every)}`
    const held = newestInBucket.get(bucket)
    if (!held || s.createdAt > held.createdAt || (s.createdAt === held.createdAt && s.id > held.id))
      newestInBucket.set(bucket, s)
  }
  for (const s of newestInBucket.values()) keep.add(s.id)
  return keep
}
