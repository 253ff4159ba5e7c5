import { createRoute } from '@hono/zod-openapi'
import { PlanParams } from '../../shared/plans/schema'
import { TEMPLATE_SUMMARIES } from '../../shared/templates/catalog'
import {
  SaveTemplateBody,
  WorkspaceTemplate,
  WorkspaceTemplateList,
  WorkspaceTemplateParams,
} from '../../shared/templates/schema'
import { canManagePlan } from '../../shared/workspaces/permissions'
import { WorkspaceParams } from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { memberPlanContext } from '../plan-context'
import type { Services } from '../services'
import { requireMembership } from '../workspaces/repo'
import { deleteWorkspaceTemplate } from './commands/delete-workspace-template'
import { findWorkspaceTemplate, presentWorkspaceTemplate, workspaceTemplatesOf } from './repo'

const save = createRoute({
  method: 'post',
  path: '/plans/{id}/template',
  tags: ['plans'],
  summary: "Save the plan's content as a template of its workspace (owners and admins; archived plans too)",
  request: { params: PlanParams, body: jsonBody(SaveTemplateBody) },
  responses: { 201: jsonResponse(WorkspaceTemplate, 'The new template'), ...ERRORS, 409: ERRORS[400] },
})
const list = createRoute({
  method: 'get',
  path: '/workspaces/{id}/templates',
  tags: ['plans'],
  summary: "What the workspace's new plans can start from: blank, the examples and the workspace's own templates",
  request: { params: WorkspaceParams },
  responses: {
    200: jsonResponse(WorkspaceTemplateList, 'Built-in templates, then the own ones newest first'),
    ...ERRORS,
  },
})
const remove = createRoute({
  method: 'delete',
  path: '/workspaces/{id}/templates/{templateId}',
  tags: ['plans'],
  summary: "Delete one of the workspace's own templates; plans made from it keep their content (owners and admins)",
  request: { params: WorkspaceTemplateParams },
  responses: { 204: noContent, ...ERRORS },
})

const refusal = 'Only owners and admins can save and delete templates.'

/** A workspace's own templates (docs/product.md#plans-managed-like-documents): save a plan as one, list, delete. */
export function workspaceTemplateRoutes(services: Services) {
  const { db } = services.storage
  return createRouter()
    .openapi(save, async (c) => {
      const { user } = requireAuth(c)
      // A guest or another workspace's member is told the plan does not exist.
      const ctx = await memberPlanContext(db, c.req.valid('param').id, user.id)
      if (!canManagePlan(ctx.caller)) throw forbidden(refusal)
      // Reading rich text pulls in Tiptap's schema: loaded with the first template saved, not at every start.
      const { savePlanAsTemplate } = await import('./commands/save-plan-as-template')
      const row = await savePlanAsTemplate(
        { db, hub: services.hub, planEvents: services.planEvents },
        { plan: ctx.plan, name: c.req.valid('json').name, actorId: user.id },
      )
      return c.json(presentWorkspaceTemplate(row), 201)
    })
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const caller = await requireMembership(db, c.req.valid('param').id, user.id)
      const own = await workspaceTemplatesOf(db, caller.workspaceId)
      return c.json({ templates: [...TEMPLATE_SUMMARIES], own: own.map(presentWorkspaceTemplate) }, 200)
    })
    .openapi(remove, async (c) => {
      const { user } = requireAuth(c)
      const { id, templateId } = c.req.valid('param')
      const caller = await requireMembership(db, id, user.id)
      if (!canManagePlan(caller)) throw forbidden(refusal)
      const template = await findWorkspaceTemplate(db, caller.workspaceId, templateId)
      if (!template) throw notFound('The template')
      await deleteWorkspaceTemplate({ db, planEvents: services.planEvents }, { template, actorId: user.id })
      return c.body(null, 204)
    })
}
