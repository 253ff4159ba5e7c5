import { createRoute } from '@hono/zod-openapi'
import { CreatePlanBody, Plan, PlanList, PlanListQuery, PlanParams } from '../../shared/plans/schema'
import { canCreatePlan } from '../../shared/workspaces/permissions'
import { WorkspaceParams } from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import { planContext } from '../plan-context'
import type { Services } from '../services'
import { BLANK_TEMPLATE_ID } from '../../shared/templates/schema'
import { requireMembership } from '../workspaces/repo'
import { plansOf, presentPlan, presentPlanSummary } from './repo'

const list = createRoute({
  method: 'get',
  path: '/workspaces/{id}/plans',
  tags: ['plans'],
  summary: "A workspace's plans",
  request: { params: WorkspaceParams, query: PlanListQuery },
  responses: {
    200: jsonResponse(PlanList, 'Active plans (archived ones with archived=true), most recently changed first'),
    ...ERRORS,
  },
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

export function planRoutes(services: Services) {
  const { db } = services.storage
  return createRouter()
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const archived = c.req.valid('query').archived === 'true'
      return c.json({ plans: (await plansOf(db, caller.workspaceId, { archived })).map(presentPlanSummary) }, 200)
    })
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      if (!canCreatePlan(caller)) throw forbidden('Only editors, admins and owners can create plans.')
      const { title, templateId } = c.req.valid('json')
      // Reading a saved template and writing rich text pull in Tiptap's schema: loaded with the first
      // plan created, not at every start.
      const [{ planTemplateFor }, { startPlan }] = await Promise.all([
        import('../templates/plan-template'),
        import('./commands/start-plan'),
      ])
      const template = await planTemplateFor(db, caller.workspaceId, templateId ?? BLANK_TEMPLATE_ID)
      if (template === undefined) throw notFound('The template')
      const plan = await startPlan(
        { db, hub: services.hub },
        { workspaceId: caller.workspaceId, title, template, createdBy: user.id },
      )
      return c.json(await presentPlan(db, plan, caller), 201)
    })
    .openapi(get, async (c) => {
      const { user } = requireAuth(c)
      // A member of its workspace, or a guest whose review link opens it.
      const { plan, caller } = await planContext(db, c.req.valid('param').id, user.id)
      return c.json(await presentPlan(db, plan, caller), 200)
    })
}
