import * as Y from 'yjs'
import { type PlanModel, type SectionModel, readSection } from '../../shared/plan-model/model'
import { approvalStates } from '../approvals/repo'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import { listDepartments } from '../workspaces/repo'
import { liveSections } from './repo'
import type { PlanRow } from './tables'

/**
 * Read one section's document as it is now: the live one when the section is open in this process
 * (it holds every applied write), else rebuilt from the update log like a load would — every update
 * is stored before anyone sees it, so the log is never behind what clients were shown. `read` runs
 * synchronously on the document, which is gone (or back to the hub) afterwards.
 */
export async function readSectionDoc<T>(hub: DocumentHub, sectionId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const live = await hub.peek(sectionId)
  if (live) return read(live.doc)
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
    return read(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * The whole plan as the health check and the export read it. `alsoRead` sees each section's document
 * in the same pass, so the export takes the rich text without loading every section twice.
 */
export async function readPlanModel(
  services: { db: DbOrTx; hub: DocumentHub },
  plan: PlanRow,
  alsoRead?: (sectionId: string, doc: Y.Doc) => void,
): Promise<PlanModel> {
  const [departments, sections, approvals] = await Promise.all([
    listDepartments(services.db, plan.workspace_id),
    liveSections(services.db, plan.id),
    approvalStates(services.db, plan.id),
  ])
  const models: SectionModel[] = await Promise.all(
    sections.map((s) =>
      readSectionDoc(services.hub, s.id, (doc) => {
        alsoRead?.(s.id, doc)
        return readSection({ id: s.id, kind: s.kind, title: s.title, ownerDepartmentId: s.owner_department_id }, doc)
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
