import type { SectionKind } from '../plans/catalog'
import { type PlanModel, type SectionOf, sectionsOf } from '../plan-model/model'
import type { Objective } from '../plan-model/schema'

/**
 * What the rules ask of a plan, computed once per check: sections by kind, every objective by id
 * (links from networks and competitor ideas point at them), department names for messages.
 */
export class PlanIndex {
  readonly objectives = new Map<string, { objective: Objective; section: SectionOf<'objectives'> }>()
  private readonly byKind = new Map<SectionKind, SectionOf<SectionKind>[]>()
  private readonly departmentNames: Map<string, string>

  constructor(readonly model: PlanModel) {
    this.departmentNames = new Map(model.departments.map((d) => [d.id, d.name]))
    for (const section of this.of('objectives')) {
      for (const objective of section.content.objectives) this.objectives.set(objective.id, { objective, section })
    }
  }

  of<K extends SectionKind>(kind: K): SectionOf<K>[] {
    let found = this.byKind.get(kind)
    if (!found) this.byKind.set(kind, (found = sectionsOf(this.model, kind)))
    return found as SectionOf<K>[]
  }

  /** The section of a kind that exists once per plan. */
  first<K extends SectionKind>(kind: K): SectionOf<K> | undefined {
    return this.of(kind)[0]
  }

  departmentName(id: string | null): string {
    return (id && this.departmentNames.get(id)) || 'A removed department'
  }

  /** Whether at least one of these ids is an objective of the plan. */
  linksAnObjective(ids: readonly (string | null)[]): boolean {
    return ids.some((id) => id !== null && this.objectives.has(id))
  }
}

/** Text someone actually wrote. */
export const filled = (text: string) => text.trim().length > 0

/** A short quote of an item for messages. */
export function quote(text: string, fallback: string): string {
  const t = text.trim().replace(/\s+/g, ' ')
  if (!t) return fallback
  return `“${t.length > 60 ? `${t.slice(0, 57)}…` : t}”`
}
