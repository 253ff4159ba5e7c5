import type { z } from 'zod'
import { ACTIVITY_CATEGORIES, type ActivityKind, type ActivityQuery } from '../../shared/activity/schema'
import type { DbOrTx } from '../storage/database'

/** A page of a plan's feed, newest first: the plan's own events and the workspace's (membership), which concern every plan. */
export function planFeed(
  db: DbOrTx,
  plan: { id: string; workspace_id: string },
  filter: Omit<z.infer<typeof ActivityQuery>, 'limit'> & { limit: number },
) {
  const { departmentId, kind, category, before, limit } = filter
  let query = db
    .selectFrom('activity_events')
    .selectAll()
    .where('workspace_id', '=', plan.workspace_id)
    .where((eb) => eb.or([eb('plan_id', '=', plan.id), eb('plan_id', 'is', null)]))
  if (departmentId) query = query.where('department_id', '=', departmentId)
  if (kind) query = query.where('kind', '=', kind)
  if (category)
    query = query.where(
      'kind',
      'in',
      (Object.keys(ACTIVITY_CATEGORIES) as ActivityKind[]).filter((k) => ACTIVITY_CATEGORIES[k] === category),
    )
  if (before !== undefined) query = query.where('id', '<', before)
  return query.orderBy('id', 'desc').limit(limit).execute()
}
