import { createRoute } from '@hono/zod-openapi'
import { LIMITS } from '../../shared/limits'
import { AddNetworkBody, Plan, PlanParams, SectionParams } from '../../shared/plans/schema'
import { canAddNetwork, canCreatePlan, canEditSection, defaultNetworkOwner } from '../../shared/workspaces/permissions'
import { requireAuth } from '../auth/middleware'
import { ApiError, conflict, forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse } from '../http/router'
import { findPlan, findSection, networksOf, presentPlan } from '../plans/repo'
import type { Services } from '../services'
import { listDepartments, requireMembership } from '../workspaces/repo'
import { addNetworkSection } from './commands/add-network'
import { removeNetworkSection } from './commands/remove-network'

const addNetwork = createRoute({
  method: 'post',
  path: '/plans/{id}/networks',
  tags: ['sections'],
  summary: 'Add a social network to the plan: it gets its own section (a removed one comes back with its content)',
  request: { params: PlanParams, body: jsonBody(AddNetworkBody) },
  responses: { 201: jsonResponse(Plan, 'The plan with the network section'), ...ERRORS, 409: ERRORS[400] },
})
const removeNetwork = createRoute({
  method: 'delete',
  path: '/sections/{id}',
  tags: ['sections'],
  summary: 'Remove a network from the plan: its section is archived, not deleted',
  request: { params: SectionParams },
  responses: { 200: jsonResponse(Plan, 'The plan without the network section'), ...ERRORS, 409: ERRORS[400] },
})

export function sectionRoutes({ storage: { db }, access, planEvents }: Services) {
  const services = { db, planEvents }
  /** The plan and the caller's membership; a plan in another workspace is simply not found. */
  async function planFor(planId: string, userId: string) {
    const plan = await findPlan(db, planId)
    if (!plan) throw notFound('The plan')
    const caller = await requireMembership(db, plan.workspace_id, userId).catch(() => {
      throw notFound('The plan')
    })
    return { plan, caller }
  }

  return createRouter()
    .openapi(addNetwork, async (c) => {
      const { user } = requireAuth(c)
      const { plan, caller } = await planFor(c.req.valid('param').id, user.id)
      if (!canCreatePlan(caller)) throw forbidden('Only editors, admins and owners can add networks.')
      const { name, ownerDepartmentId } = c.req.valid('json')
      const departments = await listDepartments(db, plan.workspace_id)
      if (ownerDepartmentId && !departments.some((d) => d.id === ownerDepartmentId)) {
        throw new ApiError(400, 'unknown_department', `Department ${ownerDepartmentId} is not in this workspace.`)
      }
      const networks = await networksOf(db, plan.id)
      const same = networks.find((s) => s.title.toLowerCase() === name.toLowerCase())
      if (same && same.archived_at === null) throw conflict('network_exists', `${same.title} is already in this plan.`)
      // A network that comes back keeps its owner (and its content): the body cannot hand it to another department.
      const owner = same
        ? same.owner_department_id
        : ownerDepartmentId === undefined
          ? defaultNetworkOwner(caller, departments.find((d) => d.name === 'Marketing')?.id ?? null)
          : ownerDepartmentId
      if (!canAddNetwork(caller, owner))
        throw forbidden('Editors add and restore networks only for a department they belong to.')
      if (same) {
        await addNetworkSection(services, { plan, restore: same })
      } else {
        if (networks.filter((s) => s.archived_at === null).length >= LIMITS.networksPerPlan) {
          throw conflict('too_many_networks', `A plan has at most ${LIMITS.networksPerPlan} networks.`)
        }
        const position = Math.max(-1, ...networks.map((s) => s.position)) + 1
        await addNetworkSection(services, { plan, name, ownerDepartmentId: owner, position })
      }
      return c.json(await presentPlan(db, plan, caller), 201)
    })
    .openapi(removeNetwork, async (c) => {
      const { user } = requireAuth(c)
      const section = await findSection(db, c.req.valid('param').id)
      if (!section) throw notFound('The section')
      const { plan, caller } = await planFor(section.plan_id, user.id)
      if (section.kind !== 'network')
        throw conflict('section_required', 'Only network sections can be removed; the others are part of every plan.')
      if (section.archived_at !== null) throw notFound('The section')
      if (!canEditSection(caller, { ownerDepartmentId: section.owner_department_id }))
        throw forbidden('Only editors of this network can remove it.')
      await removeNetworkSection({ ...services, access }, section)
      return c.json(await presentPlan(db, plan, caller), 200)
    })
}
