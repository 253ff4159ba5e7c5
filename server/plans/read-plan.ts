import * as Y from 'yjs'
import { type PlanModel, type SectionModel, readSection } from '../../shared/plan-model/model'
import { type ApprovalStates, approvalStates } from '../approvals/repo'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import { listDepartments } from '../workspaces/repo'
import { liveSections } from './repo'
import type { PlanRow } from './tables'

/**
 * Read one section's document as it is now: the live one when the section is open in this process
 * (it holds every applied write), else rebuilt from the update log like a load would — every update
 * is stored before anyone sees it, so the log is never behind what clients were shown. `read` runs
 * synchronously on the document, which is gone (or back to the hub) afterwards; `live` says which it
 * is, as only a private one may be changed while read.
 */
export async function readSectionDoc<T>(
  hub: DocumentHub,
  sectionId: string,
  read: (doc: Y.Doc, live: boolean) => T,
): Promise<T> {
  const live = await hub.peek(sectionId)
  if (live) return read(live.doc, true)
  const stored = await hub.updateLog.load(sectionId)
  const doc = new Y.Doc()
  try {
    // A stored update that cannot be applied is skipped, as LiveDoc.load does.
    for (const update of [stored.snapshot?.state, ...stored.updates.map((u) => u.data)]) {
      if (!update) continue
      try {
        Y.applyUpdate(doc, update)
      } catch {
        continue
      }
    }
    return read(doc, false)
  } finally {
    doc.destroy()
  }
}

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
      readSectionDoc(services.hub, s.id, (doc, live) => {
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
