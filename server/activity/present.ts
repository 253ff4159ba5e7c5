import { ACTIVITY_CATEGORIES, type ActivityEvent } from '../../shared/activity/schema'
import { ROLE_LABELS, type Role } from '../../shared/workspaces/roles'
import type { UserRef } from '../../shared/comments/schema'
import type { ActivityRow } from './tables'
import { possessive } from '../../shared/text'

type Details = Record<string, unknown>
const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.length > 0 ? v : fallback)
const role = (v: unknown) =>
  typeof v === 'string' && v in ROLE_LABELS ? ROLE_LABELS[v as Role].toLowerCase() : 'member'
interface MemberState {
  role: Role
  departmentIds: string[]
  leadOf: string[]
}

/** One sentence per event, from the names recorded with it (a renamed section reads as it was then). */
export function summarize(row: ActivityRow, details: Details, actor: UserRef | null): string {
  const who = actor?.name ?? 'Someone'
  const department = text(details.departmentName, 'A department')
  const section = text(details.sectionTitle, 'a section')
  const subject = text(details.userName, 'someone')
  switch (row.kind) {
    case 'objectives_submitted':
      return `${who} submitted ${possessive(department)} objectives for approval.`
    case 'objectives_approved':
      return `${who} approved ${possessive(department)} objectives.`
    case 'objectives_changes_requested':
      return `${who} requested changes to ${possessive(department)} objectives.`
    case 'objectives_stale':
      return `${possessive(department)} approved objectives were edited${actor ? ` by ${who}` : ''}; the approval is stale.`
    case 'thread_created':
      return `${who} commented on ${section}.`
    case 'comment_added':
      return `${who} replied to a thread on ${section}.`
    case 'comment_edited':
      return `${who} edited a comment on ${section}.`
    case 'comment_deleted':
      return `${who} deleted a comment on ${section}.`
    case 'thread_resolved':
      return `${who} resolved a thread on ${section}.`
    case 'thread_reopened':
      return `${who} reopened a thread on ${section}.`
    case 'member_joined':
      return `${subject} joined the workspace as ${role((details.after as MemberState | undefined)?.role)}.`
    case 'share_created':
      return `${who} created a read-only public link to ${details.scope === 'plan' ? 'the whole plan' : 'the guidelines'}.`
    case 'share_revoked':
      return `${who} revoked a public link to ${details.scope === 'plan' ? 'the whole plan' : 'the guidelines'}.`
    case 'member_removed':
      return details.left ? `${subject} left the workspace.` : `${who} removed ${subject} from the workspace.`
    case 'version_named':
      return details.wholePlan
        ? `${who} named a version of the whole plan: “${text(details.name, 'untitled')}”.`
        : `${who} named a version of ${section}: “${text(details.name, 'untitled')}”.`
    case 'plan_created':
      return typeof details.templateName === 'string'
        ? `${who} started the plan from the template “${details.templateName}”.`
        : `${who} started the plan.`
    case 'plan_renamed':
      return `${who} renamed the plan from “${text(details.from, 'its old title')}” to “${text(details.to, 'a new title')}”.`
    case 'plan_duplicated':
      return `${who} started this plan from “${text(details.sourceTitle, 'another plan')}”.`
    case 'plan_archived':
      return `${who} archived the plan “${text(details.planTitle, 'a plan')}”.`
    case 'plan_unarchived':
      return `${who} unarchived the plan “${text(details.planTitle, 'a plan')}”.`
    case 'plan_deleted':
      return `${who} deleted the plan “${text(details.planTitle, 'a plan')}”.`
    case 'plan_saved_as_template':
      return `${who} saved the plan as the template “${text(details.templateName, 'a template')}”.`
    case 'template_deleted':
      return `${who} deleted the template “${text(details.templateName, 'a template')}”.`
    case 'version_restored':
      return `${who} restored ${section} to ${typeof details.versionName === 'string' ? `the version “${details.versionName}”` : 'an earlier version'}.`
    case 'suggestion_made':
      return `${who} suggested a change to ${section}: ${text(details.change, 'an edit')}.`
    case 'suggestion_accepted':
      return `${who} accepted a suggestion on ${section}: ${text(details.change, 'an edit')}.`
    case 'suggestion_rejected':
      return details.withdrawn
        ? `${who} withdrew a suggestion on ${section}.`
        : `${who} rejected a suggestion on ${section}.`
    case 'member_changed': {
      const before = details.before as MemberState | undefined
      const after = details.after as MemberState | undefined
      if (before && after && before.role !== after.role)
        return `${who} changed ${possessive(subject)} role from ${role(before.role)} to ${role(after.role)}.`
      return `${who} changed ${possessive(subject)} departments or leads.`
    }
  }
}

export function presentActivity(row: ActivityRow, people: (id: string | null) => UserRef | null): ActivityEvent {
  const details = JSON.parse(row.details) as Details
  const actor = people(row.actor_id)
  return {
    id: String(row.id),
    kind: row.kind,
    category: ACTIVITY_CATEGORIES[row.kind],
    at: row.created_at,
    actor,
    planId: row.plan_id,
    departmentId: row.department_id,
    sectionId: row.section_id,
    summary: summarize(row, details, actor),
    details,
  }
}
