import { z } from 'zod'

/**
 * The sections of a plan (docs/product.md#what-a-plan-holds), in the order of the seed article's six steps. Objectives
 * exist once per department; a network section exists once per chosen social network.
 */
export const SECTION_KINDS = [
  'overview',
  'objectives',
  'competition',
  'positioning',
  'network_selection',
  'network',
  'line_of_conversation',
  'process',
  'indicators',
  'tools',
  'guidelines',
] as const
export const SectionKind = z.enum(SECTION_KINDS)
export type SectionKind = z.infer<typeof SectionKind>

export interface SectionKindInfo {
  /** Which of the six steps this section belongs to. */
  step: 1 | 2 | 3 | 4 | 5 | 6
  title: string
  /** Where the seeds ask for it, in a few words. */
  source: string
}

export const SECTION_CATALOG: Record<SectionKind, SectionKindInfo> = {
  overview: { step: 1, title: 'Overview', source: 'Step 1: what aspects of your business' },
  objectives: { step: 1, title: 'Objectives', source: 'Step 1: clear, specific, measurable, realistic' },
  competition: { step: 2, title: 'Competition & listening', source: 'Step 2 and key "monitoring"' },
  positioning: { step: 3, title: 'Positioning & personality', source: 'Step 3 and key "personality"' },
  network_selection: { step: 4, title: 'Network selection', source: 'Key "selection"; mistake 3' },
  network: { step: 4, title: 'Network', source: 'Step 4: the strategy per network' },
  line_of_conversation: { step: 4, title: 'Line of conversation', source: 'Key "line of conversation"' },
  process: { step: 5, title: 'Process & team', source: 'Step 5: establish a process' },
  indicators: { step: 5, title: 'Indicators', source: 'Key "indicators"' },
  tools: { step: 5, title: 'Tools', source: 'Key "applications and tools"' },
  guidelines: { step: 6, title: 'Guidelines', source: 'Step 6: put everything in writing' },
}

export const STEP_TITLES: Record<SectionKindInfo['step'], string> = {
  1: 'Define the objectives',
  2: 'Analyse the competition',
  3: 'Develop a social positioning',
  4: 'Define the strategy in detail',
  5: 'Establish a process',
  6: 'Put everything in writing',
}

export const SUGGESTED_NETWORKS = ['Facebook', 'Instagram', 'LinkedIn', 'X', 'TikTok', 'YouTube', 'Pinterest'] as const

/** Sort key of a section: its kind's place in the catalog, then its own position inside the kind. */
export function sectionOrder(kind: SectionKind, position: number): number {
  return SECTION_KINDS.indexOf(kind) * 1000 + position
}

export interface SectionBlueprint {
  kind: SectionKind
  title: string
  ownerDepartmentId: string | null
  position: number
}

/** The sections a new plan starts with: every kind except networks, objectives once per department. */
export function newPlanSections(departments: readonly { id: string; name: string }[]): SectionBlueprint[] {
  const out: SectionBlueprint[] = []
  for (const kind of SECTION_KINDS) {
    if (kind === 'network') continue
    if (kind === 'objectives') {
      departments.forEach((d, i) => out.push(objectivesBlueprint(d, i)))
    } else {
      out.push({ kind, title: SECTION_CATALOG[kind].title, ownerDepartmentId: null, position: 0 })
    }
  }
  return out
}

export function objectivesBlueprint(d: { id: string; name: string }, position: number): SectionBlueprint {
  return { kind: 'objectives', title: `Objectives — ${d.name}`, ownerDepartmentId: d.id, position }
}
