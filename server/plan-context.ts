import type { Membership, SectionAccessTarget } from '../shared/workspaces/permissions'
import { conflict, forbidden, notFound } from './http/errors'
import { findPlan, findSection } from './plans/repo'
import { guestMembership } from './review-links/repo'
import type { PlanRow, SectionRow } from './plans/tables'
import type { DbOrTx } from './storage/database'
import { type CallerMembership, findMembership } from './workspaces/repo'

/**
 * The plan or section a request names, with the caller's membership in its workspace. Another
 * workspace's plan or section is simply not found: its ids reveal nothing.
 */
export interface PlanContext {
  plan: PlanRow
  caller: CallerMembership
}
export interface SectionContext extends PlanContext {
  section: SectionRow
}

export async function planContext(db: DbOrTx, planId: string, userId: string): Promise<PlanContext> {
  const plan = await findPlan(db, planId)
  const caller = plan ? await callerIn(db, plan, userId) : null
  if (!plan || !caller) throw notFound('The plan')
  return { plan, caller }
}

/** A plan as its workspace's members see it: managing a plan is theirs, a guest is told it does not exist. */
export async function memberPlanContext(db: DbOrTx, planId: string, userId: string): Promise<PlanContext> {
  const plan = await findPlan(db, planId)
  const caller = plan ? await findMembership(db, plan.workspace_id, userId) : null
  if (!plan || !caller) throw notFound('The plan')
  return { plan, caller }
}

export async function sectionContext(
  db: DbOrTx,
  sectionId: string,
  userId: string,
  what = 'The section',
): Promise<SectionContext> {
  const section = await findSection(db, sectionId)
  const plan = section ? await findPlan(db, section.plan_id) : undefined
  const caller = plan ? await callerIn(db, plan, userId) : null
  if (!section || !plan || !caller) throw notFound(what)
  return { plan, section, caller }
}

/** A member of the plan's workspace, or a guest whose review link opens this plan (docs/suggestions.md). */
async function callerIn(db: DbOrTx, plan: PlanRow, userId: string): Promise<CallerMembership | null> {
  return (await findMembership(db, plan.workspace_id, userId)) ?? (await guestMembership(db, plan.id, userId))
}

/** A change to a section's content or discussion, and what the caller is told when it may not be made. */
export interface SectionChange {
  allowed: (m: Membership, s: SectionAccessTarget) => boolean
  /** 403: the caller's role does not allow it. */
  refusal: string
  /** 409 section_archived: an archived section changes only by being restored. */
  archived: string
}

export async function editableSectionContext(
  db: DbOrTx,
  sectionId: string,
  userId: string,
  change: SectionChange,
): Promise<SectionContext> {
  const ctx = await sectionContext(db, sectionId, userId)
  if (!change.allowed(ctx.caller, { ownerDepartmentId: ctx.section.owner_department_id }))
    throw forbidden(change.refusal)
  if (ctx.section.archived_at !== null) throw conflict('section_archived', change.archived)
  return ctx
}
