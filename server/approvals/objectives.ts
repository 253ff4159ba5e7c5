import type * as Y from 'yjs'
import { type CanonicalSnapshot, canonicalSnapshot } from '../../shared/approvals/canonical'
import { readContent } from '../../shared/plan-model/read'
import type { SectionRow } from '../plans/tables'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'

/** A department's Objectives section in a plan (none once the department is removed). */
export const objectivesSection = (db: DbOrTx, planId: string, departmentId: string): Promise<SectionRow | undefined> =>
  db
    .selectFrom('sections')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('kind', '=', 'objectives')
    .where('owner_department_id', '=', departmentId)
    .where('archived_at', 'is', null)
    .executeTakeFirst()

/** Every department's Objectives section in a plan. */
export const objectivesSections = (db: DbOrTx, planId: string): Promise<SectionRow[]> =>
  db
    .selectFrom('sections')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('kind', '=', 'objectives')
    .where('archived_at', 'is', null)
    .execute()

/** The canonical snapshot of what an Objectives document holds, read with the plan model's reader. */
export const snapshotOfDoc = (doc: Y.Doc): CanonicalSnapshot =>
  canonicalSnapshot(readContent(doc, 'objectives').objectives)

/** The department's objectives as they are now (the live document if open here, else the stored log). */
export async function currentObjectives(hub: DocumentHub, section: SectionRow | undefined): Promise<CanonicalSnapshot> {
  if (!section) return canonicalSnapshot([])
  return hub.read(section.id, snapshotOfDoc)
}
