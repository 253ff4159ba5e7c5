import { type PlannedSection, readSectionFill, resolveLinks } from '../../../shared/templates/instantiate'
import type { ContentInput } from '../../../shared/plan-model/schema'
import { recordActivity } from '../../activity/record'
import type { Storage } from '../../storage/db'
import { newId } from '../../storage/ids'
import type { DocumentHub } from '../../sync/hub'
import { writeTemplateContent } from '../../templates/write-content'
import { insertSections, liveSections } from '../repo'
import type { PlanRow } from '../tables'

/**
 * A new plan in the same workspace holding a copy of every section's content — rich text and
 * structured fields, links between sections pointing at the copies — with no comments, no history
 * and every approval back to draft (docs/product.md#plans-managed-like-documents).
 */
export async function duplicatePlan(
  { db, hub }: { db: Storage['db']; hub: DocumentHub },
  input: { source: PlanRow; title: string; actorId: string },
) {
  const { source, title, actorId } = input
  const sections = await liveSections(db, source.id)
  const ids = new Map(sections.map((s) => [s.id, newId()]))
  const planned: PlannedSection[] = await Promise.all(
    sections.map((s) =>
      hub.read(s.id, (doc) => {
        const { content, body } = readSectionFill(doc, s.kind)
        return {
          id: ids.get(s.id)!,
          kind: s.kind,
          title: s.title,
          ownerDepartmentId: s.owner_department_id,
          position: s.position,
          fill: {
            content: resolveLinks(content, (v) => ids.get(v)) as ContentInput,
            body,
          },
        }
      }),
    ),
  )
  const now = Date.now()
  const plan: PlanRow = {
    id: newId(),
    workspace_id: source.workspace_id,
    title,
    created_by: actorId,
    created_at: now,
    updated_at: now,
    archived_at: null,
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('plans').values(plan).execute()
    await insertSections(trx, plan, planned)
    await recordActivity(trx, {
      workspaceId: plan.workspace_id,
      planId: plan.id,
      kind: 'plan_duplicated',
      actorId,
      details: { sourceTitle: source.title, sourceId: source.id },
    })
  })
  await writeTemplateContent(hub, planned)
  return plan
}
