import { createRoute } from '@hono/zod-openapi'
import { checkPlanHealth } from '../../shared/health/check'
import { HealthReport } from '../../shared/health/schema'
import { PlanParams } from '../../shared/plans/schema'
import { requireAuth } from '../auth/middleware'
import { notFound } from '../http/errors'
import { ERRORS, createRouter, jsonResponse } from '../http/router'
import type { Services } from '../services'
import { requireMembership } from '../workspaces/repo'
import { findPlan } from '../plans/repo'
import { readPlanModel } from './read-plan'

const health = createRoute({
  method: 'get',
  path: '/plans/{id}/health',
  tags: ['plans'],
  summary: "The plan health check: what the method's advice says is wrong, each with the section and field to fix",
  request: { params: PlanParams },
  responses: {
    200: jsonResponse(HealthReport, 'Findings in the order of the plan, errors first within a section'),
    ...ERRORS,
  },
})

/** `GET /api/plans/:id/health` (docs/product.md#interfaces-integrators-rely-on): the live panel's function, run on the server's copy of the plan. */
export function planHealthRoutes({ storage: { db }, hub }: Services) {
  return createRouter().openapi(health, async (c) => {
    const { user } = requireAuth(c)
    const plan = await findPlan(db, c.req.valid('param').id)
    if (!plan) throw notFound('The plan')
    // Another workspace's plan is simply not found.
    await requireMembership(db, plan.workspace_id, user.id).catch(() => {
      throw notFound('The plan')
    })
    return c.json({ findings: checkPlanHealth(await readPlanModel({ db, hub }, plan)) }, 200)
  })
}
