import { createRoute } from '@hono/zod-openapi'
import { ApprovalList, ApprovalParams, DecisionBody, DepartmentApproval } from '../../shared/approvals/schema'
import { whyNotDecide, whyNotSubmit } from '../../shared/approvals/transitions'
import { PlanParams } from '../../shared/plans/schema'
import { canDecideObjectives, canSubmitObjectives } from '../../shared/workspaces/permissions'
import { recordActivity } from '../activity/record'
import { requireAuth } from '../auth/middleware'
import { conflict, forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import { announceInboxes, notify } from '../notifications/notify'
import { type PlanContext, planContext } from '../plan-context'
import type { Services } from '../services'
import { userRefs } from '../user-refs'
import { listDepartments } from '../workspaces/repo'
import { currentObjectives, objectivesSection } from './objectives'
import { presentApproval } from './present'
import { type ApprovalKey, findApproval, moveApproval } from './repo'

const submit = createRoute({
  method: 'post',
  path: '/plans/{id}/departments/{departmentId}/objectives/submit',
  tags: ['approvals'],
  summary: "Submit a department's objectives to its lead (an editor of that department)",
  request: { params: ApprovalParams },
  responses: {
    200: jsonResponse(DepartmentApproval, "The department's approval, now submitted"),
    ...ERRORS,
    409: ERRORS[400],
  },
})
const decide = createRoute({
  method: 'post',
  path: '/plans/{id}/departments/{departmentId}/objectives/decision',
  tags: ['approvals'],
  summary: "Approve a department's objectives or request changes (with a reason): that department's lead only",
  request: { params: ApprovalParams, body: jsonBody(DecisionBody) },
  responses: {
    200: jsonResponse(DepartmentApproval, "The department's approval after the decision"),
    ...ERRORS,
    409: ERRORS[400],
  },
})
const list = createRoute({
  method: 'get',
  path: '/plans/{id}/approvals',
  tags: ['approvals'],
  summary: "Where each department's objectives stand, with what changed since the last decision",
  request: { params: PlanParams },
  responses: { 200: jsonResponse(ApprovalList, 'One entry per department'), ...ERRORS },
})

const moved = () => conflict('approval_changed', 'Someone else changed this approval meanwhile; reload and try again.')

export function approvalRoutes({ storage: { db }, hub, planEvents }: Services) {
  /** The plan, the department (of the plan's workspace) and the caller. */
  async function departmentContext(planId: string, departmentId: string, userId: string) {
    const ctx = await planContext(db, planId, userId)
    const department = (await listDepartments(db, ctx.plan.workspace_id)).find((d) => d.id === departmentId)
    if (!department) throw notFound('The department')
    const key: ApprovalKey = { planId: ctx.plan.id, departmentId, workspaceId: ctx.plan.workspace_id }
    return { ...ctx, department, key, section: await objectivesSection(db, ctx.plan.id, departmentId) }
  }
  type DepartmentContext = Awaited<ReturnType<typeof departmentContext>>

  async function present(ctx: DepartmentContext) {
    const row = await findApproval(db, ctx.key)
    const people = await userRefs(db, [row?.submitted_by, row?.decided_by])
    return presentApproval(
      ctx.department,
      ctx.section?.id ?? null,
      row,
      await currentObjectives(hub, ctx.section),
      ctx.caller,
      people,
    )
  }

  function announce(ctx: PlanContext, departmentId: string, notified: Iterable<string>) {
    const where = { workspaceId: ctx.plan.workspace_id, planId: ctx.plan.id, departmentId }
    planEvents.publish({ kind: 'approvals', ...where })
    planEvents.publish({ kind: 'activity', ...where })
    announceInboxes(planEvents, ctx.plan.workspace_id, notified)
  }

  return createRouter()
    .openapi(submit, async (c) => {
      const { user } = requireAuth(c)
      const { id, departmentId } = c.req.valid('param')
      const ctx = await departmentContext(id, departmentId, user.id)
      if (!canSubmitObjectives(ctx.caller, departmentId))
        throw forbidden(`Only editors of ${ctx.department.name} can submit its objectives.`)
      const row = await findApproval(db, ctx.key)
      const refusal = whyNotSubmit(row?.state ?? 'draft')
      if (refusal) throw conflict(refusal.code, refusal.message)
      const now = Date.now()
      const notified = await db.transaction().execute(async (trx) => {
        // The last decision's snapshot stays: the lead reviews what changed since.
        if (
          !(await moveApproval(trx, ctx.key, row, {
            state: 'submitted',
            submitted_by: user.id,
            submitted_at: now,
            stale_at: null,
            updated_at: now,
          }))
        )
          throw moved()
        await recordActivity(trx, {
          workspaceId: ctx.plan.workspace_id,
          planId: ctx.plan.id,
          departmentId,
          sectionId: ctx.section?.id ?? null,
          kind: 'objectives_submitted',
          actorId: user.id,
          details: { departmentName: ctx.department.name },
        })
        const leads = await trx
          .selectFrom('member_departments')
          .select('user_id')
          .where('department_id', '=', departmentId)
          .where('is_lead', '=', 1)
          .execute()
        return notify(
          trx,
          leads.map((l) => ({
            workspaceId: ctx.plan.workspace_id,
            userId: l.user_id,
            kind: 'approval_submitted' as const,
            actorId: user.id,
            planId: ctx.plan.id,
            sectionId: ctx.section?.id ?? null,
            departmentId,
            excerpt: `${ctx.department.name}'s objectives are waiting for your decision.`,
          })),
        )
      })
      announce(
        ctx,
        departmentId,
        notified.map((n) => n.userId),
      )
      return c.json(await present(ctx), 200)
    })
    .openapi(decide, async (c) => {
      const { user } = requireAuth(c)
      const { id, departmentId } = c.req.valid('param')
      const ctx = await departmentContext(id, departmentId, user.id)
      if (!canDecideObjectives(ctx.caller, departmentId))
        throw forbidden(`Only a lead of ${ctx.department.name} can decide on its objectives.`)
      const { decision, reason, hash } = c.req.valid('json')
      const row = await findApproval(db, ctx.key)
      const refusal = whyNotDecide(row?.state ?? 'draft', decision)
      if (refusal) throw conflict(refusal.code, refusal.message)
      // What is decided on is what the server holds now, stored verbatim with its hash.
      const current = await currentObjectives(hub, ctx.section)
      if (hash !== undefined && hash !== current.hash)
        throw conflict('objectives_changed', 'The objectives changed since you reviewed them; review them again.')
      const now = Date.now()
      const approve = decision === 'approve'
      const notified = await db.transaction().execute(async (trx) => {
        const ok = await moveApproval(trx, ctx.key, row, {
          state: approve ? 'approved' : 'changes_requested',
          snapshot: current.json,
          hash: current.hash,
          decided_by: user.id,
          decided_at: now,
          reason: reason ?? null,
          stale_at: null,
          updated_at: now,
        })
        if (!ok) throw moved()
        await recordActivity(trx, {
          workspaceId: ctx.plan.workspace_id,
          planId: ctx.plan.id,
          departmentId,
          sectionId: ctx.section?.id ?? null,
          kind: approve ? 'objectives_approved' : 'objectives_changes_requested',
          actorId: user.id,
          details: { departmentName: ctx.department.name, hash: current.hash, ...(reason ? { reason } : {}) },
        })
        const submitter = row?.submitted_by
        if (!submitter) return []
        return notify(trx, [
          {
            workspaceId: ctx.plan.workspace_id,
            userId: submitter,
            kind: 'approval_decided',
            actorId: user.id,
            planId: ctx.plan.id,
            sectionId: ctx.section?.id ?? null,
            departmentId,
            excerpt: approve
              ? `${ctx.department.name}'s objectives were approved.`
              : `Changes were requested to ${ctx.department.name}'s objectives: ${reason}`,
          },
        ])
      })
      announce(
        ctx,
        departmentId,
        notified.map((n) => n.userId),
      )
      return c.json(await present(ctx), 200)
    })
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await planContext(db, c.req.valid('param').id, user.id)
      const [departments, rows, sections] = await Promise.all([
        listDepartments(db, ctx.plan.workspace_id),
        db.selectFrom('approvals').selectAll().where('plan_id', '=', ctx.plan.id).execute(),
        db
          .selectFrom('sections')
          .selectAll()
          .where('plan_id', '=', ctx.plan.id)
          .where('kind', '=', 'objectives')
          .where('archived_at', 'is', null)
          .execute(),
      ])
      const people = await userRefs(
        db,
        rows.flatMap((r) => [r.submitted_by, r.decided_by]),
      )
      const approvals = await Promise.all(
        departments.map(async (d) => {
          const section = sections.find((s) => s.owner_department_id === d.id)
          const row = rows.find((r) => r.department_id === d.id)
          return presentApproval(d, section?.id ?? null, row, await currentObjectives(hub, section), ctx.caller, people)
        }),
      )
      return c.json({ approvals }, 200)
    })
}
