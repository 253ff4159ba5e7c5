import { createRoute } from '@hono/zod-openapi'
import { Plan, PlanParams, PlanTitleBody } from '../../shared/plans/schema'
import { canCreatePlan, canManagePlan } from '../../shared/workspaces/permissions'
import { requireAuth } from '../auth/middleware'
import { conflict, forbidden } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { memberPlanContext } from '../plan-context'
import type { Services } from '../services'
import { setPlanArchived } from './commands/archive-plan'
import { deletePlan } from './commands/delete-plan'
import { renamePlan } from './commands/rename-plan'
import { presentPlan } from './repo'
import type { PlanRow } from './tables'

const rename = createRoute({
  method: 'patch',
  path: '/plans/{id}',
  tags: ['plans'],
  summary: 'Rename a plan (editors and up; not while it is archived)',
  request: { params: PlanParams, body: jsonBody(PlanTitleBody) },
  responses: { 200: jsonResponse(Plan, 'The renamed plan'), ...ERRORS, 409: ERRORS[400] },
})
const duplicate = createRoute({
  method: 'post',
  path: '/plans/{id}/duplicate',
  tags: ['plans'],
  summary: "Start a new plan from this one: every section's content, no comments, no history, approvals back to draft",
  request: { params: PlanParams, body: jsonBody(PlanTitleBody) },
  responses: { 201: jsonResponse(Plan, 'The new plan'), ...ERRORS },
})
const archive = createRoute({
  method: 'post',
  path: '/plans/{id}/archive',
  tags: ['plans'],
  summary: 'Archive a plan: read-only to everyone and out of the default list (owners and admins)',
  request: { params: PlanParams },
  responses: { 200: jsonResponse(Plan, 'The archived plan'), ...ERRORS },
})
const unarchive = createRoute({
  method: 'post',
  path: '/plans/{id}/unarchive',
  tags: ['plans'],
  summary: 'Bring an archived plan back: editable and listed again (owners and admins)',
  request: { params: PlanParams },
  responses: { 200: jsonResponse(Plan, 'The plan'), ...ERRORS },
})
const remove = createRoute({
  method: 'delete',
  path: '/plans/{id}',
  tags: ['plans'],
  summary: 'Delete a plan and everything in it; its open connections close (owners and admins)',
  request: { params: PlanParams },
  responses: { 204: noContent, ...ERRORS },
})

/** Plans managed like documents (docs/product.md#plans-managed-like-documents): rename, duplicate, archive, unarchive, delete. */
export function planLifecycleRoutes(services: Services) {
  const { storage, hub, access } = services
  const { db } = storage
  const context = async (c: { req: { valid(t: 'param'): { id: string } } }, userId: string) =>
    memberPlanContext(db, c.req.valid('param').id, userId)
  const refuseArchived = (plan: PlanRow, what: string) => {
    if (plan.archived_at !== null) throw conflict('plan_archived', `This plan is archived: unarchive it to ${what}.`)
  }
  const managed = async (c: Parameters<typeof context>[0], userId: string) => {
    const ctx = await context(c, userId)
    if (!canManagePlan(ctx.caller)) throw forbidden('Only owners and admins can archive, unarchive or delete plans.')
    return ctx
  }
  // Archiving changes what open connections may write: they look their rights up again at once.
  const archived = async (ctx: Awaited<ReturnType<typeof managed>>, archived: boolean, actorId: string) => {
    const { plan, changed } = await setPlanArchived(db, { plan: ctx.plan, archived, actorId })
    if (changed) access.emit('workspaceChanged', { workspaceId: plan.workspace_id })
    return presentPlan(db, plan, ctx.caller)
  }

  return createRouter()
    .openapi(rename, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await context(c, user.id)
      if (!canCreatePlan(ctx.caller)) throw forbidden('Only editors, admins and owners can rename plans.')
      refuseArchived(ctx.plan, 'rename it')
      const plan = await renamePlan(db, { plan: ctx.plan, title: c.req.valid('json').title, actorId: user.id })
      return c.json(await presentPlan(db, plan, ctx.caller), 200)
    })
    .openapi(duplicate, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await context(c, user.id)
      if (!canCreatePlan(ctx.caller)) throw forbidden('Only editors, admins and owners can duplicate plans.')
      // Writing rich text pulls in Tiptap's schema: loaded with the first plan duplicated, not at every start.
      const { duplicatePlan } = await import('./commands/duplicate-plan')
      const plan = await duplicatePlan(
        { db, hub },
        { source: ctx.plan, title: c.req.valid('json').title, actorId: user.id },
      )
      return c.json(await presentPlan(db, plan, ctx.caller), 201)
    })
    .openapi(archive, async (c) => {
      const { user } = requireAuth(c)
      return c.json(await archived(await managed(c, user.id), true, user.id), 200)
    })
    .openapi(unarchive, async (c) => {
      const { user } = requireAuth(c)
      return c.json(await archived(await managed(c, user.id), false, user.id), 200)
    })
    .openapi(remove, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await managed(c, user.id)
      // Sockets close first, so no write of theirs lands after the rows are gone.
      access.emit('planDeleted', { workspaceId: ctx.plan.workspace_id, planId: ctx.plan.id })
      await deletePlan({ db, hub }, { plan: ctx.plan, actorId: user.id })
      return c.body(null, 204)
    })
}
