import type * as Y from 'yjs'
import { type PlanModel, type SectionModel, readSection } from '../../shared/plan-model/model'
import { type ApprovalStates, approvalStates } from '../approvals/repo'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import { listDepartments } from '../workspaces/repo'
import { liveSections } from '../plans/repo'
import type { PlanRow } from '../plans/tables'

export interface ReadPlanOptions {
  /** The departments' approval states when the caller has read them already. */
  approvals?: ApprovalStates
  /**
   * Sees each section's document in the same pass, after its model is read (so it may change a
   * private one), so the export takes the rich text without loading every section twice.
   */
  alsoRead?: (section: SectionModel, doc: Y.Doc, live: boolean) => void
}

/** The whole plan as the health check and the export read it. */
export async function readPlanModel(
  services: { db: DbOrTx; hub: DocumentHub },
  plan: PlanRow,
  options: ReadPlanOptions = {},
): Promise<PlanModel> {
  const [departments, sections, approvals] = await Promise.all([
    listDepartments(services.db, plan.workspace_id),
    liveSections(services.db, plan.id),
    options.approvals ?? approvalStates(services.db, plan.id),
  ])
  const models: SectionModel[] = await Promise.all(
    sections.map((s) =>
      services.hub.read(s.id, (doc, live) => {
        const model = readSection(
          { id: s.id, kind: s.kind, title: s.title, ownerDepartmentId: s.owner_department_id },
          doc,
        )
        options.alsoRead?.(model, doc, live)
        return model
      }),
    ),
  )
  return {
    plan: { id: plan.id, title: plan.title },
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    sections: models,
    approvals,
  }
}
