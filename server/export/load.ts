import type { JSONContent } from '@tiptap/core'
import type { PlanModel } from '../../shared/plan-model/model'
import type { ApprovalState } from '../../shared/plan-model/schema'
import { type ShareScope, scopeShows } from '../../shared/shares/schema'
import { statesOf } from '../approvals/repo'
import { readPlanModel } from '../plan-model/read-plan'
import type { PlanRow } from '../plans/tables'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import { userRefs } from '../user-refs'
import { readBody } from './body'

/** Where one department's objectives stand, with who moved them last and when. */
export interface ApprovalFacts {
  departmentId: string
  department: string
  state: ApprovalState
  submittedBy: string | null
  submittedAt: number | null
  decidedBy: string | null
  decidedAt: number | null
  reason: string | null
}

/** Everything an export is made from, read once. */
export interface ExportSource {
  model: PlanModel
  /** The rich text of each section shown that has any, by section id. */
  bodies: ReadonlyMap<string, JSONContent>
  workspaceName: string
  /** Members' names by user id: person fields hold a member's id or an outsider's name. */
  people: ReadonlyMap<string, string>
  approvals: ApprovalFacts[]
  generatedAt: number
}

/** What an export of `scope` is made from: the rich text only of the sections it shows, the model whole (for the health counts). */
export async function loadExportSource(
  services: { db: DbOrTx; hub: DocumentHub },
  plan: PlanRow,
  scope: ShareScope = 'plan',
  now = Date.now(),
): Promise<ExportSource> {
  const { db } = services
  const bodies = new Map<string, JSONContent>()
  const rows = await db.selectFrom('approvals').selectAll().where('plan_id', '=', plan.id).execute()
  const [model, workspace, members] = await Promise.all([
    readPlanModel(services, plan, {
      approvals: statesOf(rows),
      alsoRead: (section, doc, live) => {
        if (section.bodyText && scopeShows(scope, section.kind)) bodies.set(section.id, readBody(doc, live))
      },
    }),
    db.selectFrom('workspaces').select('name').where('id', '=', plan.workspace_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name'])
      .where('memberships.workspace_id', '=', plan.workspace_id)
      .execute(),
  ])
  // Who decided may have left the workspace since: still named.
  const names = await userRefs(
    db,
    rows.flatMap((r) => [r.submitted_by, r.decided_by]),
  )
  const approvals = model.departments.map((d): ApprovalFacts => {
    const row = rows.find((r) => r.department_id === d.id)
    return {
      departmentId: d.id,
      department: d.name,
      state: row?.state ?? 'draft',
      submittedBy: names(row?.submitted_by)?.name ?? null,
      submittedAt: row?.submitted_at ?? null,
      decidedBy: names(row?.decided_by)?.name ?? null,
      decidedAt: row?.decided_at ?? null,
      reason: row?.reason ?? null,
    }
  })
  return {
    model,
    bodies,
    workspaceName: workspace.name,
    people: new Map(members.map((m) => [m.id, m.name])),
    approvals,
    generatedAt: now,
  }
}
