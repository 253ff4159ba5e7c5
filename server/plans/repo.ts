import { type SectionBlueprint, SECTION_CATALOG, objectivesBlueprint, sectionOrder } from '../../shared/plans/catalog'
import type { Plan, PlanSummary } from '../../shared/plans/schema'
import { type Membership, sectionAbilities } from '../../shared/workspaces/permissions'
import type { DbOrTx } from '../storage/database'
import { newId } from '../storage/ids'
import type { PlanRow, SectionRow } from './tables'

export async function insertSections(
  db: DbOrTx,
  plan: { id: string; workspace_id: string },
  blueprints: readonly (SectionBlueprint & { id?: string })[],
) {
  if (blueprints.length === 0) return
  const now = Date.now()
  await db
    .insertInto('sections')
    .values(
      blueprints.map((b) => ({
        id: b.id ?? newId(),
        plan_id: plan.id,
        workspace_id: plan.workspace_id,
        kind: b.kind,
        title: b.title,
        owner_department_id: b.ownerDepartmentId,
        position: b.position,
        created_at: now,
        archived_at: null,
      })),
    )
    .execute()
}

export const findPlan = (db: DbOrTx, planId: string) =>
  db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst()

export const findSection = (db: DbOrTx, sectionId: string): Promise<SectionRow | undefined> =>
  db.selectFrom('sections').selectAll().where('id', '=', sectionId).executeTakeFirst()

export async function liveSections(db: DbOrTx, planId: string): Promise<SectionRow[]> {
  const rows = await db
    .selectFrom('sections')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('archived_at', 'is', null)
    .execute()
  return rows.sort((a, b) => sectionOrder(a.kind, a.position) - sectionOrder(b.kind, b.position))
}

export const presentPlanSummary = (p: PlanRow): PlanSummary => ({
  id: p.id,
  workspaceId: p.workspace_id,
  title: p.title,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
  archivedAt: p.archived_at,
})

export async function presentPlan(db: DbOrTx, plan: PlanRow, caller: Membership): Promise<Plan> {
  const sections = await liveSections(db, plan.id)
  // An archived plan is read-only to everyone (docs/product.md#plans-managed-like-documents), whatever their role.
  const archived = plan.archived_at !== null
  return {
    ...presentPlanSummary(plan),
    sections: sections.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      ownerDepartmentId: s.owner_department_id,
      step: SECTION_CATALOG[s.kind].step,
      abilities: archived
        ? { read: true, edit: false, comment: false }
        : sectionAbilities(caller, { ownerDepartmentId: s.owner_department_id }),
    })),
  }
}

/** A new department gets an Objectives section in every plan of the workspace. */
export async function addObjectivesToAllPlans(
  db: DbOrTx,
  workspaceId: string,
  department: { id: string; name: string; position: number },
) {
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'workspace_id'])
    .where('workspace_id', '=', workspaceId)
    .execute()
  for (const plan of plans) await insertSections(db, plan, [objectivesBlueprint(department, department.position)])
}

export async function retitleObjectives(db: DbOrTx, department: { id: string; name: string; position: number }) {
  const { title } = objectivesBlueprint(department, department.position)
  await db
    .updateTable('sections')
    .set({ title })
    .where('kind', '=', 'objectives')
    .where('owner_department_id', '=', department.id)
    .execute()
}

/**
 * A removed department's Objectives sections are archived (kept, not deleted); the other sections it
 * owned become shared so nobody loses the ability to edit them.
 */
export async function releaseDepartmentSections(db: DbOrTx, departmentId: string) {
  await db
    .updateTable('sections')
    .set({ archived_at: Date.now(), owner_department_id: null })
    .where('kind', '=', 'objectives')
    .where('owner_department_id', '=', departmentId)
    .execute()
  await db
    .updateTable('sections')
    .set({ owner_department_id: null })
    .where('owner_department_id', '=', departmentId)
    .execute()
}

/** A workspace's plans, the latest changed first. */
/** A workspace's active plans, or its archived ones; the latest changed first. */
export const plansOf = (db: DbOrTx, workspaceId: string, { archived }: { archived: boolean }): Promise<PlanRow[]> =>
  db
    .selectFrom('plans')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', archived ? 'is not' : 'is', null)
    .orderBy('updated_at', 'desc')
    .execute()

/** A plan's network sections, removed ones too (a network added again comes back). */
export const networksOf = (db: DbOrTx, planId: string): Promise<SectionRow[]> =>
  db.selectFrom('sections').selectAll().where('plan_id', '=', planId).where('kind', '=', 'network').execute()
