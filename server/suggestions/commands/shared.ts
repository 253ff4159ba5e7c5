import { fieldPathLabel } from '../../../shared/plan-model/ui-spec'
import type { SectionContext } from '../../plan-context'
import { decodeTarget } from '../range'
import type { SuggestionRow } from '../tables'

/** Where a suggestion's activity events are filed. */
export const activityOf = (ctx: SectionContext) => ({
  workspaceId: ctx.plan.workspace_id,
  planId: ctx.plan.id,
  departmentId: ctx.section.owner_department_id,
  sectionId: ctx.section.id,
})

/** A short line of what a suggestion changes, for the activity log and inboxes (naming the field, for one). */
export function describeChange(ctx: SectionContext, s: SuggestionRow): string {
  const clip = (t: string) => (t.length > 80 ? `${t.slice(0, 79)}…` : t)
  const target = decodeTarget(s.target)
  const where = target === 'body' ? '' : ` in ${fieldPathLabel(ctx.section.kind, target)}`
  if (!s.deleted_text) return `Insert “${clip(s.inserted_text)}”${where}`
  if (!s.inserted_text) return `Delete “${clip(s.deleted_text)}”${where}`
  return `Replace “${clip(s.deleted_text)}” with “${clip(s.inserted_text)}”${where}`
}
