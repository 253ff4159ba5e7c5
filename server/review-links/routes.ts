import { createRoute } from '@hono/zod-openapi'
import { canSharePlan } from '../../shared/shares/permissions'
import { PlanParams } from '../../shared/plans/schema'
import {
  CreateReviewLinkBody,
  CreatedReviewLink,
  JoinReviewBody,
  JoinedReview,
  ReviewLinkInfo,
  ReviewLinkParams,
  ReviewTokenParams,
} from '../../shared/review-links/schema'
import { requireAuth } from '../auth/middleware'
import { setSessionCookie } from '../auth/cookie'
import { forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { publicOrigin } from '../http/public-url'
import { planContext } from '../plan-context'
import { findPlan } from '../plans/repo'
import { findMembership, listDepartments } from '../workspaces/repo'
import type { Services } from '../services'
import { createReviewLink } from './commands/create'
import { joinAsGuest } from './commands/join'
import { revokeReviewLink } from './commands/revoke'
import { linkCreatorName, liveReviewLinkByToken, reviewLinkOfPlan } from './repo'

const create = createRoute({
  method: 'post',
  path: '/plans/{id}/review-links',
  tags: ['review-links'],
  summary: 'A link for an outside reviewer: reads the plan live, comments and suggests, without an account',
  request: { params: PlanParams, body: jsonBody(CreateReviewLinkBody) },
  responses: { 201: jsonResponse(CreatedReviewLink, 'The link; its URL is shown only now'), ...ERRORS },
})
const revoke = createRoute({
  method: 'delete',
  path: '/plans/{id}/review-links/{linkId}',
  tags: ['review-links'],
  summary: "Revoke a review link: it answers 404 from now on and its guests' sockets close at once",
  request: { params: ReviewLinkParams },
  responses: { 204: noContent, ...ERRORS },
})
const info = createRoute({
  method: 'get',
  path: '/review/{token}',
  tags: ['review-links'],
  summary: 'What a review link opens, for the page that asks the guest for a name',
  request: { params: ReviewTokenParams },
  responses: { 200: jsonResponse(ReviewLinkInfo, 'The plan it opens'), ...ERRORS },
})
const join = createRoute({
  method: 'post',
  path: '/review/{token}/join',
  tags: ['review-links'],
  summary: 'Join as a guest under a name: sets a session cookie scoped to the one plan',
  request: { params: ReviewTokenParams, body: jsonBody(JoinReviewBody) },
  responses: { 201: jsonResponse(JoinedReview, 'The guest and the plan'), ...ERRORS },
})

export function reviewLinkRoutes({ storage: { db }, config, access }: Services) {
  async function adminContext(planId: string, userId: string) {
    const ctx = await planContext(db, planId, userId)
    if (!canSharePlan(ctx.caller)) throw forbidden('Only owners and admins can manage review links.')
    return ctx
  }
  async function liveLink(token: string) {
    const link = await liveReviewLinkByToken(db, token)
    const plan = link ? await findPlan(db, link.plan_id) : undefined
    if (!link || !plan) throw notFound('The review link')
    return { link, plan }
  }

  return createRouter()
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const { plan } = await adminContext(c.req.valid('param').id, user.id)
      const { expiresAt } = c.req.valid('json')
      const { row, token } = await createReviewLink(db, {
        plan,
        createdBy: user.id,
        expiresAt: expiresAt ? Date.parse(expiresAt) : null,
      })
      return c.json({ id: row.id, url: `${publicOrigin(config, c)}/review/${token}`, expiresAt: row.expires_at }, 201)
    })
    .openapi(revoke, async (c) => {
      const { user } = requireAuth(c)
      const { id, linkId } = c.req.valid('param')
      const { plan } = await adminContext(id, user.id)
      const link = await reviewLinkOfPlan(db, plan.id, linkId)
      const ended = link ? await revokeReviewLink(db, { linkId: link.id }) : null
      if (!ended) throw notFound('The review link')
      for (const sessionId of ended) access.emit('sessionEnded', { sessionId })
      return c.body(null, 204)
    })
    .openapi(info, async (c) => {
      const { link, plan } = await liveLink(c.req.valid('param').token)
      const [invitedBy, departments] = [await linkCreatorName(db, link), await listDepartments(db, link.workspace_id)]
      // A member who opens a link sent around is pointed at the plan, rather than into a guest session.
      const userId = c.get('auth')?.user.id
      const member = userId ? await findMembership(db, link.workspace_id, userId) : undefined
      const asMember = member ? { workspaceId: link.workspace_id, planId: plan.id } : null
      return c.json({ planTitle: plan.title, invitedBy, departments, asMember }, 200)
    })
    .openapi(join, async (c) => {
      const { link } = await liveLink(c.req.valid('param').token)
      const { user, session, token } = await joinAsGuest(db, { link, name: c.req.valid('json').name })
      setSessionCookie(c, token, session.expires_at, config.trustProxy)
      return c.json(
        { planId: link.plan_id, workspaceId: link.workspace_id, user: { id: user.id, name: user.name } },
        201,
      )
    })
}
