import diff from 'microdiff'
import type { CanonicalObjective } from './canonical'

/**
 * What changed in a department's objectives since a decision, field by field, for the lead to review.
 * An added or removed objective is one change with `field` null and the whole objective on its side.
 */
export interface ObjectiveChange {
  objectiveId: string
  change: 'added' | 'removed' | 'changed'
  field: string | null
  before: unknown
  after: unknown
}

const byId = (objectives: readonly CanonicalObjective[]) =>
  Object.fromEntries(objectives.map(({ id, ...fields }) => [id, fields])) as Record<string, Record<string, unknown>>

export function objectiveChanges(
  before: readonly CanonicalObjective[],
  after: readonly CanonicalObjective[],
): ObjectiveChange[] {
  const was = byId(before)
  const now = byId(after)
  const out: ObjectiveChange[] = []
  const seen = new Set<string>()
  // microdiff reports list elements one by one (networkIds.0…); a field is reported once, whole.
  for (const d of diff(was, now)) {
    const [id, field] = d.path as [string, string | undefined]
    const key = `${id}\u0000${field ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    if (field === undefined) {
      out.push(
        d.type === 'CREATE'
          ? { objectiveId: id, change: 'added', field: null, before: null, after: now[id] }
          : { objectiveId: id, change: 'removed', field: null, before: was[id], after: null },
      )
    } else {
      out.push({
        objectiveId: id,
        change: 'changed',
        field,
        before: was[id]?.[field] ?? null,
        after: now[id]?.[field] ?? null,
      })
    }
  }
  return out
}
