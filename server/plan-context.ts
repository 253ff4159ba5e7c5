import { notFound } from './http/errors'
import { findPlan } from './plans/repo'
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
  const caller = plan ? await findMembership(db, plan.workspace_id, userId) : null
  if (!plan || !caller) throw notFound('The plan')
  return { plan, caller }
}

export async function sectionContext(db: DbOrTx, sectionId: string, userId: string, what = 'The section'): Promise<SectionContext> {
  const section = await db.selectFrom('sections').selectAll().where('id', '=', sectionId).executeTakeFirst()
  const plan = section ? await findPlan(db, section.plan_id) : undefined
  const caller = plan ? await findMembership(db, plan.workspace_id, userId) : null
  if (!section || !plan || !caller) throw notFound(what)
  return { plan, section, caller }
}
