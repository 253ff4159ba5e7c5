import { useMemo } from 'react'
import type { Plan } from '../../shared/plans/schema'
import { shorten } from '../../shared/text'
import type { Presence } from '../sync/section-connection'
import { useSectionsContent } from './use-content'

export interface ObjectiveOption {
  id: string
  /** The objective's statement, shortened for a dropdown. */
  label: string
  sectionId: string
  /** The department whose objective it is (the section's title names it). */
  group: string
}

/**
 * Every department's objectives, live: what network goals and competitor ideas link to. Each
 * Objectives section's room is opened while the caller is shown (read-only use; nothing is written).
 */
export function usePlanObjectives(
  plan: Plan,
  me: Presence,
  enabled = true,
): { objectives: ObjectiveOption[]; ready: boolean } {
  const { sections, ready } = useSectionsContent(plan, 'objectives', me, enabled)
  const objectives = useMemo(
    () =>
      sections.flatMap(({ section, content }) => {
        const group = section.title.replace(/^Objectives\s*[—-]\s*/, '') || section.title
        return content.objectives.map((o, i) => ({
          id: o.id,
          label: shorten(o.statement, 90) || `Untitled objective ${i + 1}`,
          sectionId: section.id,
          group,
        }))
      }),
    [sections],
  )
  return { objectives, ready }
}
