/** The ways to look at a plan, kept in the URL (`?view=`). */
export const PLAN_VIEWS = [
  { value: 'sections', label: 'Sections' },
  { value: 'calendar', label: 'Calendar' },
  { value: 'overview', label: 'Overview' },
  { value: 'activity', label: 'Activity' },
] as const
export type PlanView = (typeof PLAN_VIEWS)[number]['value']

export function planViewOf(value: string | null): PlanView {
  return PLAN_VIEWS.find((v) => v.value === value)?.value ?? 'sections'
}

/** What every plan view receives. */
export interface PlanViewProps {
  plan: import('../../shared/plans/schema').Plan
  workspace: import('../workspaces/current').CurrentWorkspace['workspace']
  me: import('../sync/section-connection').Presence
  /** Open a section in the sections view. */
  openSection: (sectionId: string) => void
}
