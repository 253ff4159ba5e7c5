import { createRoute } from '@hono/zod-openapi'
import { ApprovalList, ApprovalParams, DecisionBody, DepartmentApproval } from '../../shared/approvals/schema'
import { whyNotDecide, whyNotSubmit } from '../../shared/approvals/transitions'
import { PlanParams } from '../../shared/plans/schema'
import { canDecideObjectives, canSubmitObjectives } from '../../shared/workspaces/permissions'
import { requireAuth } from '../auth/middleware'
import { conflict, forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import { planContext } from '../plan-context'
import type { Services } from '../services'
import { userRefs } from '../user-refs'
import { listDepartments } from '../workspaces/repo'
import { decideObjectives } from './commands/decide-objectives'
import { submitObjectives } from './commands/submit-objectives'
import { currentObjectives, objectivesSection, objectivesSections } from './objectives'
import { presentApproval } from './present'
import { type ApprovalKey, approvalsOf, findApproval } from './repo'

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
  const services = { db, planEvents }
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
      const submitted = await submitObjectives(services, {
        key: ctx.key,
        department: ctx.department,
        sectionId: ctx.section?.id ?? null,
        from: row,
        submitterId: user.id,
      })
      if (!submitted) throw moved()
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
      const current = await currentObjectives(hub, ctx.section)
      if (hash !== undefined && hash !== current.hash)
        throw conflict('objectives_changed', 'The objectives changed since you reviewed them; review them again.')
      const decided = await decideObjectives(services, {
        key: ctx.key,
        department: ctx.department,
        sectionId: ctx.section?.id ?? null,
        from: row,
        deciderId: user.id,
        decision,
        reason,
        current,
      })
      if (!decided) throw moved()
      return c.json(await present(ctx), 200)
    })
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await planContext(db, c.req.valid('param').id, user.id)
      const [departments, rows, sections] = await Promise.all([
        listDepartments(db, ctx.plan.workspace_id),
        approvalsOf(db, ctx.plan.id),
        objectivesSections(db, ctx.plan.id),
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
