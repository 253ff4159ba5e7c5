import { createRoute } from '@hono/zod-openapi'
import { ActivityFeed, ActivityQuery } from '../../shared/activity/schema'
import { PlanParams } from '../../shared/plans/schema'
import { requireAuth } from '../auth/middleware'
import { ERRORS, createRouter, jsonResponse } from '../http/router'
import { planContext } from '../plan-context'
import type { Services } from '../services'
import { userRefs } from '../user-refs'
import { planFeed } from './feed'
import { presentActivity } from './present'

const feed = createRoute({
  method: 'get',
  path: '/plans/{id}/activity',
  tags: ['activity'],
  summary:
    "The plan's activity log, newest first: submissions, decisions, staleness, comments, membership; filter by department and kind",
  request: { params: PlanParams, query: ActivityQuery },
  responses: { 200: jsonResponse(ActivityFeed, 'Events, newest first'), ...ERRORS },
})

const DEFAULT_PAGE = 50

export function activityRoutes({ storage: { db } }: Services) {
  return createRouter().openapi(feed, async (c) => {
    const { user } = requireAuth(c)
    const { plan } = await planContext(db, c.req.valid('param').id, user.id)
    const { departmentId, kind, category, before, limit = DEFAULT_PAGE } = c.req.valid('query')
    const rows = await planFeed(db, plan, { departmentId, kind, category, before, limit })
    const people = await userRefs(
      db,
      rows.map((r) => r.actor_id),
    )
    return c.json(
      {
        events: rows.map((r) => presentActivity(r, people)),
        nextBefore: rows.length === limit ? Number(rows.at(-1)!.id) : null,
      },
      200,
    )
  })
}
