import { createRoute } from '@hono/zod-openapi'
import { planCalendarEvents } from '../../shared/calendar-feed/events'
import { CalendarFeedCreated, CalendarFeedFileParams, CalendarFeedStatus } from '../../shared/calendar-feed/schema'
import { PlanParams } from '../../shared/plans/schema'
import { canEditSection } from '../../shared/workspaces/permissions'
import { requireAuth } from '../auth/middleware'
import { forbidden, notFound } from '../http/errors'
import { publicOrigin } from '../http/public-url'
import { ERRORS, createRouter, jsonResponse, noContent } from '../http/router'
import { type PlanContext, planContext } from '../plan-context'
import { findPlan, liveSections } from '../plans/repo'
import { readPlanModel } from '../plan-model/read-plan'
import type { Services } from '../services'
import type { Db } from '../storage/database'
import { activeFeedOf, feedWorkspace, planIdOfFeed } from './repo'
import { createCalendarFeed } from './commands/create-feed'
import { recordEventRevisions } from './commands/record-revisions'
import { revokeCalendarFeed } from './commands/revoke-feed'
import { renderCalendarFeed } from './render'

const status = createRoute({
  method: 'get',
  path: '/plans/{id}/calendar-feed',
  tags: ['calendar-feed'],
  summary: 'Whether the plan has a calendar feed',
  request: { params: PlanParams },
  responses: { 200: jsonResponse(CalendarFeedStatus, 'The feed, without its secret address'), ...ERRORS },
})
const create = createRoute({
  method: 'post',
  path: '/plans/{id}/calendar-feed',
  tags: ['calendar-feed'],
  summary: "Make the plan's secret .ics address (replacing an earlier one)",
  request: { params: PlanParams },
  responses: { 201: jsonResponse(CalendarFeedCreated, 'The address; shown only now'), ...ERRORS },
})
const revoke = createRoute({
  method: 'delete',
  path: '/plans/{id}/calendar-feed',
  tags: ['calendar-feed'],
  summary: "Revoke the plan's calendar feed (its address answers 404 at once)",
  request: { params: PlanParams },
  responses: { 204: noContent, ...ERRORS },
})
const serveFeed = createRoute({
  method: 'get',
  path: '/calendar-feeds/{file}',
  tags: ['calendar-feed'],
  summary: 'The plan calendar (RFC 5545), for calendar apps; no account needed',
  request: { params: CalendarFeedFileParams },
  responses: {
    200: { content: { 'text/calendar': { schema: { type: 'string' } } }, description: 'The calendar' },
    404: ERRORS[404],
  },
})

/** Made and revoked by anyone who may edit a section of the plan. */
async function assertMayManage(db: Db, { plan, caller }: PlanContext) {
  const sections = await liveSections(db, plan.id)
  if (!sections.some((s) => canEditSection(caller, { ownerDepartmentId: s.owner_department_id })))
    throw forbidden('Only people who may edit a section of this plan can manage its calendar feed.')
}

export function calendarFeedRoutes(services: Services) {
  const {
    storage: { db },
    config,
    hub,
  } = services
  return createRouter()
    .openapi(status, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await planContext(db, c.req.valid('param').id, user.id)
      const feed = await activeFeedOf(db, ctx.plan.id)
      return c.json({ active: Boolean(feed), createdAt: feed?.created_at ?? null }, 200)
    })
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await planContext(db, c.req.valid('param').id, user.id)
      await assertMayManage(db, ctx)
      const { token } = await createCalendarFeed(db, { planId: ctx.plan.id, userId: user.id })
      return c.json({ url: `${publicOrigin(config, c)}/api/calendar-feeds/${token}.ics` }, 201)
    })
    .openapi(revoke, async (c) => {
      const { user } = requireAuth(c)
      const ctx = await planContext(db, c.req.valid('param').id, user.id)
      await assertMayManage(db, ctx)
      if (!(await revokeCalendarFeed(db, { planId: ctx.plan.id }))) throw notFound('The calendar feed')
      return c.body(null, 204)
    })
    .openapi(serveFeed, async (c) => {
      const token = c.req.valid('param').file.replace(/\.ics$/, '')
      const planId = await planIdOfFeed(db, token)
      const plan = planId ? await findPlan(db, planId) : undefined
      if (!plan) throw notFound('The calendar feed')
      const [model, workspace] = await Promise.all([
        readPlanModel({ db, hub }, plan),
        feedWorkspace(db, plan.workspace_id),
      ])
      const { names } = workspace
      const events = planCalendarEvents(model, (ref) => names.get(ref) ?? ref)
      const revisions = await recordEventRevisions(db, plan.id, events)
      const body = renderCalendarFeed({
        planTitle: plan.title,
        workspaceName: workspace.name,
        planUrl: `${publicOrigin(config, c)}/w/${plan.workspace_id}/plans/${plan.id}`,
        events,
        revisions,
      })
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, max-age=300',
      })
    })
}
