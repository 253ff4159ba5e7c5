import type { SectionContent } from './schema'

/**
 * The networks a plan is on, derived — the one answer the health check, the overview, the export, the
 * public page and Network selection's own list all read, so they cannot disagree:
 * - every network section of the plan is chosen: adding a network chooses it, archiving its section
 *   unchooses it (its entry and reason stay in the document, and come back with the section);
 * - Network selection's `chosen` entries give each its reason: the entry linked to the section by
 *   `sectionId`, else an unlinked entry with the section's name;
 * - an unlinked entry that names no network section is a network chosen before its section was added.
 * Nothing is written to keep this true (no copy of the sections in the document to drift from them),
 * so a person who may only read sees the same list without their client changing anything.
 */
export type ChosenEntry = SectionContent<'network_selection'>['chosen'][number]

export interface ChosenNetwork {
  /** The network section's id, or the entry's when the network has no section yet: stable, what a row is keyed by. */
  id: string
  name: string
  /** The network's section; null for a network chosen before its section was added. */
  sectionId: string | null
  /** Its entry in Network selection (the reason why), or null when nobody has written one. */
  entry: ChosenEntry | null
}

const key = (name: string) => name.trim().toLowerCase()

export function chosenNetworks(
  chosen: readonly ChosenEntry[],
  networkSections: readonly { id: string; title: string }[],
): ChosenNetwork[] {
  const used = new Set<ChosenEntry>()
  const claim = (entry: ChosenEntry | undefined) => {
    if (!entry) return null
    used.add(entry)
    return entry
  }
  const out: ChosenNetwork[] = networkSections.map((section) => ({
    id: section.id,
    name: section.title,
    sectionId: section.id,
    entry:
      claim(chosen.find((c) => c.sectionId === section.id)) ??
      claim(chosen.find((c) => c.sectionId === null && !used.has(c) && key(c.name) === key(section.title))),
  }))
  for (const entry of chosen) {
    // Linked to a section that is no longer in the plan (archived): not chosen now.
    if (used.has(entry) || entry.sectionId !== null) continue
    if (entry.name.trim() && out.some((n) => key(n.name) === key(entry.name))) continue
    out.push({ id: entry.id, name: entry.name, sectionId: null, entry })
  }
  return out
}

/** The chosen networks as Network selection's list shows them: one row each, its reason from its entry. */
export const chosenRows = (
  chosen: readonly ChosenEntry[],
  networkSections: readonly { id: string; title: string }[],
): ChosenEntry[] =>
  chosenNetworks(chosen, networkSections).map((n) => ({
    id: n.entry?.id ?? n.id,
    name: n.name,
    why: n.entry?.why ?? '',
    sectionId: n.sectionId,
  }))
