import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { PlanParams } from '../../shared/plans/schema'
import { canSharePlan } from '../../shared/shares/permissions'
import { CreateShareBody, CreatedShare, MAX_ACTIVE_SHARES, ShareList, ShareParams } from '../../shared/shares/schema'
import { requireAuth } from '../auth/middleware'
import { conflict, forbidden, notFound } from '../http/errors'
import { ERRORS, createRouter, jsonBody, jsonResponse, noContent } from '../http/router'
import { planContext } from '../plan-context'
import type { Services } from '../services'
import { userRefs } from '../user-refs'
import { createShare } from './commands/create-share'
import { revokeShare } from './commands/revoke-share'
import { activeShares } from './repo'
import type { ShareLinkRow } from './tables'

const create = createRoute({
  method: 'post',
  path: '/plans/{id}/shares',
  tags: ['shares'],
  summary: 'Create a read-only public link to the guidelines, or to the whole plan (owners and admins)',
  request: { params: PlanParams, body: jsonBody(CreateShareBody) },
  responses: {
    201: jsonResponse(CreatedShare, 'The link; its token and URL are shown only now'),
    ...ERRORS,
    409: ERRORS[400],
  },
})
const list = createRoute({
  method: 'get',
  path: '/plans/{id}/shares',
  tags: ['shares'],
  summary: "The plan's active public links (without their tokens)",
  request: { params: PlanParams },
  responses: { 200: jsonResponse(ShareList, 'Active links, newest first'), ...ERRORS },
})
const revoke = createRoute({
  method: 'delete',
  path: '/plans/{id}/shares/{shareId}',
  tags: ['shares'],
  summary: 'Revoke a public link: it answers 404 from now on',
  request: { params: ShareParams },
  responses: { 204: noContent, ...ERRORS },
})

/** Public links to a plan (docs/product.md#export-and-sharing): created, listed and revoked by the workspace's owners and admins. */
export function shareRoutes({ storage: { db }, config, planEvents }: Services) {
  const services = { db, planEvents }
  const publicOrigin = (c: Context) => config.publicUrl ?? new URL(c.req.url).origin

  async function adminContext(planId: string, userId: string) {
    const ctx = await planContext(db, planId, userId)
    if (!canSharePlan(ctx.caller)) throw forbidden('Only owners and admins can manage public links.')
    return ctx
  }
  async function present(rows: ShareLinkRow[]) {
    const people = await userRefs(
      db,
      rows.map((r) => r.created_by),
    )
    return rows.map((r) => ({ id: r.id, scope: r.scope, createdAt: r.created_at, createdBy: people(r.created_by) }))
  }

  return createRouter()
    .openapi(create, async (c) => {
      const { user } = requireAuth(c)
      const { plan } = await adminContext(c.req.valid('param').id, user.id)
      const { scope } = c.req.valid('json')
      if ((await activeShares(db, plan.id)).length >= MAX_ACTIVE_SHARES) {
        throw conflict(
          'too_many_shares',
          `A plan has at most ${MAX_ACTIVE_SHARES} active public links; revoke one first.`,
        )
      }
      const { row, token } = await createShare(services, { plan, scope, createdBy: user.id })
      const [shown] = await present([row])
      return c.json({ ...shown!, token, url: `${publicOrigin(c)}/s/${token}` }, 201)
    })
    .openapi(list, async (c) => {
      const { user } = requireAuth(c)
      const { plan } = await adminContext(c.req.valid('param').id, user.id)
      return c.json({ shares: await present(await activeShares(db, plan.id)) }, 200)
    })
    .openapi(revoke, async (c) => {
      const { user } = requireAuth(c)
      const { id, shareId } = c.req.valid('param')
      const { plan } = await adminContext(id, user.id)
      if (!(await revokeShare(services, { plan, shareId, revokedBy: user.id }))) throw notFound('The link')
      return c.body(null, 204)
    })
}
