import type * as Y from 'yjs'
import { log } from '../log'
import { notify, announceInboxes } from '../notifications/notify'
import { recordActivity } from '../activity/record'
import type { SectionObserver } from '../plans/write-observers'
import type { Db } from '../storage/database'
import type { DocPeer } from '../sync/live-doc'
import type { PlanEvents } from '../sync/plan-events'
import { snapshotOfDoc } from './objectives'

/** How long a burst of keystrokes in an Objectives section is gathered before its objectives are compared. */
export const STALENESS_DELAY_MS = 100

interface ObjectivesSection {
  id: string
  planId: string
  workspaceId: string
  departmentId: string
}

/**
 * Marks a department's approval stale when its approved objectives are edited (SPEC §4), and only
 * that department's: it watches each Objectives section's stored writes (a LiveDoc `afterWrite`
 * observer), so whatever a client writes — our editor or a stock y-websocket client — is judged by
 * the content the server holds. After a short quiet moment it hashes the canonical objectives and,
 * when the hash differs from the approved one, moves approved → stale in one conditional update.
 */
export function createStalenessWatch(db: Db, planEvents: PlanEvents, delayMs = STALENESS_DELAY_MS): SectionObserver {
  return {
    async load(section) {
      if (section.kind !== 'objectives' || !section.owner_department_id) return null
      return watchSection(
        {
          id: section.id,
          planId: section.plan_id,
          workspaceId: section.workspace_id,
          departmentId: section.owner_department_id,
        },
        db,
        planEvents,
        delayMs,
      )
    },
  }
}

function watchSection(section: ObjectivesSection, db: Db, planEvents: PlanEvents, delayMs: number) {
  let timer: NodeJS.Timeout | null = null
  let pending: { doc: Y.Doc; actorId: string | null } | null = null
  /** The hash last compared with the stored approval: writes that leave the objectives as they were cost nothing. */
  let lastChecked: string | null = null
  let checking: Promise<void> = Promise.resolve()

  const check = () => {
    timer = null
    const { doc, actorId } = pending!
    pending = null
    const { hash } = snapshotOfDoc(doc)
    if (hash === lastChecked) return
    checking = checking
      .then(() => markStale(db, planEvents, section, hash, actorId))
      .then(() => void (lastChecked = hash))
      .catch((err) => log.error('staleness check failed', { sectionId: section.id, error: String(err) }))
  }

  return (doc: Y.Doc, origin: DocPeer | 'server') => {
    const actorId = origin === 'server' ? null : (origin.who?.userId ?? null)
    pending = { doc, actorId: pending?.actorId ?? actorId }
    if (timer) return
    timer = setTimeout(check, delayMs)
    timer.unref()
  }
}

/** approved → stale when the objectives no longer hash to what was approved; recorded and announced once. */
async function markStale(
  db: Db,
  planEvents: PlanEvents,
  section: ObjectivesSection,
  hash: string,
  actorId: string | null,
): Promise<void> {
  const now = Date.now()
  const notified = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('approvals')
      .set({ state: 'stale', stale_at: now, updated_at: now })
      .where('plan_id', '=', section.planId)
      .where('department_id', '=', section.departmentId)
      .where('state', '=', 'approved')
      .where('hash', '!=', hash)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) return null
    const department = await trx
      .selectFrom('departments')
      .select('name')
      .where('id', '=', section.departmentId)
      .executeTakeFirst()
    const departmentName = department?.name ?? 'A department'
    await recordActivity(trx, {
      workspaceId: section.workspaceId,
      planId: section.planId,
      departmentId: section.departmentId,
      sectionId: section.id,
      kind: 'objectives_stale',
      actorId,
      details: { departmentName, hash },
    })
    const leads = await trx
      .selectFrom('member_departments')
      .select('user_id')
      .where('department_id', '=', section.departmentId)
      .where('is_lead', '=', 1)
      .execute()
    // The leads, and whoever submitted what was approved (SPEC §9); notify() tells each person once.
    const submitter = await trx
      .selectFrom('approvals')
      .select('submitted_by')
      .where('plan_id', '=', section.planId)
      .where('department_id', '=', section.departmentId)
      .executeTakeFirst()
    const people = [...leads.map((l) => l.user_id), ...(submitter?.submitted_by ? [submitter.submitted_by] : [])]
    return notify(
      trx,
      people.map((userId) => ({
        workspaceId: section.workspaceId,
        userId,
        kind: 'approval_stale' as const,
        actorId,
        planId: section.planId,
        sectionId: section.id,
        departmentId: section.departmentId,
        excerpt: `${departmentName}'s approved objectives were edited; review what changed.`,
      })),
    )
  })
  if (!notified) return
  const where = { workspaceId: section.workspaceId, planId: section.planId, departmentId: section.departmentId }
  planEvents.publish({ kind: 'approvals', ...where })
  planEvents.publish({ kind: 'activity', ...where })
  announceInboxes(
    planEvents,
    section.workspaceId,
    notified.map((n) => n.userId),
  )
}
