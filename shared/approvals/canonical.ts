import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { Objective } from '../plan-model/schema'

/**
 * The canonical form of a department's objectives: exactly what an approval covers, so that the same
 * objectives always give the same bytes and the same hash. Objectives are sorted by id (their order on
 * the page is presentation, not substance), only approval-relevant fields are kept, each in a fixed
 * order, text is trimmed and network links are sorted and deduplicated.
 */
export const APPROVED_FIELDS = [
  'statement',
  'metric',
  'unit',
  'baseline',
  'target',
  'deadline',
  'owner',
  'networkIds',
] as const
export type ApprovedField = (typeof APPROVED_FIELDS)[number]

export interface CanonicalObjective {
  id: string
  statement: string
  metric: string
  unit: string
  baseline: number | null
  target: number | null
  deadline: string | null
  owner: string
  networkIds: string[]
}

export interface CanonicalSnapshot {
  objectives: CanonicalObjective[]
  /** Stable JSON of `objectives`: what is stored with an approval. */
  json: string
  /** SHA-256 of `json`, lower-case hex. */
  hash: string
}

export function canonicalObjectives(objectives: readonly Objective[]): CanonicalObjective[] {
  return objectives
    .map((o) => ({
      id: o.id,
      statement: o.statement.trim(),
      metric: o.metric.trim(),
      unit: o.unit.trim(),
      baseline: o.baseline,
      target: o.target,
      deadline: o.deadline,
      owner: o.owner.trim(),
      networkIds: [...new Set(o.networkIds)].sort(),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** JSON with the keys in a fixed order (objects are built in that order above; JSON.stringify keeps it). */
export const canonicalJson = (objectives: readonly CanonicalObjective[]) =>
  JSON.stringify(
    objectives.map((o) =>
      Object.fromEntries<unknown>([['id', o.id] as const, ...APPROVED_FIELDS.map((f) => [f, o[f]] as const)]),
    ),
  )

export const hashCanonical = (json: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(json)))

export function canonicalSnapshot(objectives: readonly Objective[]): CanonicalSnapshot {
  const canonical = canonicalObjectives(objectives)
  const json = canonicalJson(canonical)
  return { objectives: canonical, json, hash: hashCanonical(json) }
}

/** A stored snapshot back as objectives (it was written by `canonicalJson`). */
export const parseSnapshot = (json: string) => JSON.parse(json) as CanonicalObjective[]
