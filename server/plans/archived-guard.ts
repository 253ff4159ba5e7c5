import type { MiddlewareHandler } from 'hono'
import { PlanParams } from '../../shared/plans/schema'
import { conflict } from '../http/errors'
import type { AppEnv } from '../http/router'
import type { Db } from '../storage/database'
import { guestMembership } from '../review-links/repo'
import { findMembership } from '../workspaces/repo'

type Resource = 'plan' | 'section' | 'comment' | 'thread' | 'suggestion'

/** The plan a request's resource belongs to, if it exists. */
async function planOf(db: Db, resource: Resource, id: string) {
  const plans = db.selectFrom('plans').select(['plans.id', 'plans.workspace_id', 'plans.archived_at'])
  switch (resource) {
    case 'plan':
      return plans.where('plans.id', '=', id).executeTakeFirst()
    case 'section':
      return plans
        .innerJoin('sections', 'sections.plan_id', 'plans.id')
        .where('sections.id', '=', id)
        .executeTakeFirst()
    case 'thread':
      return plans
        .innerJoin('comment_threads', 'comment_threads.plan_id', 'plans.id')
        .where('comment_threads.id', '=', id)
        .executeTakeFirst()
    case 'suggestion':
      return plans
        .innerJoin('section_suggestions', 'section_suggestions.plan_id', 'plans.id')
        .where('section_suggestions.id', '=', id)
        .executeTakeFirst()
    case 'comment':
      return plans
        .innerJoin('comment_threads', 'comment_threads.plan_id', 'plans.id')
        .innerJoin('comments', 'comments.thread_id', 'comment_threads.id')
        .where('comments.id', '=', id)
        .executeTakeFirst()
  }
}

/** What stays possible on an archived plan: reading, copying it (or saving it as a template), bringing it back, deleting it, its public links. */
const ALLOWED_ON_ARCHIVED = /^\/plans\/[^/]+\/(duplicate|template|archive|unarchive|shares(\/.*)?)$/

/**
 * An archived plan refuses every write — text, fields, comments, approvals, renames (docs/product.md#plans-managed-like-documents) — with
 * 409 plan_archived, in one place for every route of its sections, comments and approvals. Only a
 * member of the plan's workspace, or a guest of its review link, is told; anyone else goes on to the route, which answers 401 or 404.
 */
export function refuseWritesToArchivedPlans(db: Db, resource: Resource): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth')
    const id = c.req.param('id')
    const path = c.req.path.replace(/^\/api/, '')
    // A malformed id is the route's to refuse (400), as is everything a stranger asks (401, 404).
    const wellFormed = PlanParams.safeParse({ id }).success
    if (
      c.req.method === 'GET' ||
      c.req.method === 'HEAD' ||
      !auth ||
      !id ||
      !wellFormed ||
      ALLOWED_ON_ARCHIVED.test(path)
    )
      return next()
    if (resource === 'plan' && c.req.method === 'DELETE' && /^\/plans\/[^/]+$/.test(path)) return next()
    const plan = await planOf(db, resource, id)
    const reader =
      plan &&
      ((await findMembership(db, plan.workspace_id, auth.user.id)) ??
        (await guestMembership(db, plan.id, auth.user.id)))
    if (plan?.archived_at != null && reader) {
      throw conflict('plan_archived', 'This plan is archived and read-only: unarchive it to change it.')
    }
    return next()
  }
}

/** Put the guard in front of every route of a plan, a section, a comment or a thread. */
export function guardArchivedPlans(api: { use(path: string, handler: MiddlewareHandler<AppEnv>): unknown }, db: Db) {
  const routes: [string, Resource][] = [
    ['/plans/:id', 'plan'],
    ['/plans/:id/*', 'plan'],
    ['/sections/:id', 'section'],
    ['/sections/:id/*', 'section'],
    ['/threads/:id/*', 'thread'],
    ['/comments/:id', 'comment'],
    ['/comments/:id/*', 'comment'],
    ['/suggestions/:id/*', 'suggestion'],
  ]
  for (const [path, resource] of routes) api.use(path, refuseWritesToArchivedPlans(db, resource))
}
