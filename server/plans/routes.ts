import { createRoute } from '@hono/zod-openapi'
import { newPlanSections } from '../../shared/plans/catalog'
import { CreatePlanBody, Plan, PlanList, PlanParams } from '../../shared/plans/schema'
import { canCreatePlan } from '../../shared/workspaces/permissions'
import { WorkspaceParams } from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { forbidden } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import { planContext } from '../plan-context'
import type { Services } from '../services'
import { newId } from '../storage/ids'
import { listDepartments, requireMembership } from '../workspaces/repo'
import { insertSections, presentPlan, presentPlanSummary } from './repo'
import type { PlanRow } from './tables'

const list = createRoute({
  method: 'get',
  path: '/workspaces/{id}/plans',
  tags: ['plans'],
  summary: "A workspace's plans",
  request: { params: WorkspaceParams },
  responses: { 200: jsonResponse(PlanList, 'Plans, most recently changed first'), ...ERRORS },
})
const create = createRoute({
  method: 'post',
  path: '/workspaces/{id}/plans',
  tags: ['plans'],
  summary: 'Create a plan with every section of the six steps (one Objectives section per department)',
  request: { params: WorkspaceParams, body: jsonBody(CreatePlanBody) },
  responses: { 201: jsonResponse(Plan, 'The plan with its sections'), ...ERRORS },
})
const get = createRoute({
  method: 'get',
  path: '/plans/{id}',
  tags: ['plans'],
  summary: 'A plan with its sections in the order of the six steps',
  request: { params: PlanParams },
  responses: { 200: jsonResponse(Plan, 'The plan'), ...ERRORS },
})

export function planRoutes({ storage: { db } }: Services) {
  return createRouter()
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const rows = await db
        .selectFrom('plans')
        .selectAll()
        .where('workspace_id', '=', caller.workspaceId)
        .orderBy('updated_at', 'desc')
        .execute()
      return c.json({ plans: rows.map(presentPlanSummary) }, 200)
    })
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      if (!canCreatePlan(caller)) throw forbidden('Only editors, admins and owners can create plans.')
      const now = Date.now()
      const plan: PlanRow = {
        id: newId(),
        workspace_id: caller.workspaceId,
        title: c.req.valid('json').title,
        created_by: user.id,
        created_at: now,
        updated_at: now,
      }
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('plans').values(plan).execute()
        await insertSections(trx, plan, newPlanSections(await listDepartments(trx, plan.workspace_id)))
      })
      return c.json(await presentPlan(db, plan, caller), 201)
    })
    .openapi(get, async (c) => {
      const { user } = requireAuth(c)
      // A member of its workspace, or a guest whose review link opens it.
      const { plan, caller } = await planContext(db, c.req.valid('param').id, user.id)
      return c.json(await presentPlan(db, plan, caller), 200)
    })
}
