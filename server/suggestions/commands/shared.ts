import type { SectionContext } from '../../plan-context'

/** Where a suggestion's activity events are filed. */
export const activityOf = (ctx: SectionContext) => ({
  workspaceId: ctx.plan.workspace_id,
  planId: ctx.plan.id,
  departmentId: ctx.section.owner_department_id,
  sectionId: ctx.section.id,
})

/** A short line of what a suggestion changes, for the activity log and inboxes. */
export function describeChange(s: { deleted_text: string; inserted_text: string }): string {
  const clip = (t: string) => (t.length > 80 ? `${t.slice(0, 79)}…` : t)
  if (!s.deleted_text) return `Insert “${clip(s.inserted_text)}”`
  if (!s.inserted_text) return `Delete “${clip(s.deleted_text)}”`
  return `Replace “${clip(s.deleted_text)}” with “${clip(s.inserted_text)}”`
}
