import type * as Y from 'yjs'
import { log } from '../log'
import type { CommandServices } from '../after-commit'
import type { SectionObserver } from '../plans/write-observers'
import type { Db } from '../storage/database'
import type { DocPeer } from '../sync/live-doc'
import type { PlanEvents } from '../sync/plan-events'
import { listDepartments } from '../workspaces/repo'
import { moveObjectivesApproval } from './commands/move-approval'
import { snapshotOfDoc } from './objectives'
import { findApproval } from './repo'

/** How long a burst of keystrokes in an Objectives section is gathered before its objectives are compared. */
const STALENESS_DELAY_MS = 100

interface ObjectivesSection {
  id: string
  planId: string
  workspaceId: string
  departmentId: string
}

/**
 * Marks a department's approval stale when its approved objectives are edited (docs/product.md#comments-and-approvals), and only
 * that department's: it watches each Objectives section's stored writes (a LiveDoc `afterWrite`
 * observer), so whatever a client writes — our editor or a stock y-websocket client — is judged by
 * the content the server holds. After a short quiet moment it hashes the canonical objectives and,
 * when the hash differs from the approved one, moves approved → stale through the same command as a lead's decision.
 */
export function createStalenessWatch(db: Db, planEvents: PlanEvents, delayMs = STALENESS_DELAY_MS): SectionObserver {
  return {
    load(section) {
      if (section.kind !== 'objectives' || !section.owner_department_id) return Promise.resolve(null)
      const watched = {
        id: section.id,
        planId: section.plan_id,
        workspaceId: section.workspace_id,
        departmentId: section.owner_department_id,
      }
      return Promise.resolve(watchSection(watched, db, planEvents, delayMs))
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
      .then(() => markStale({ db, planEvents }, section, hash, actorId))
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
  services: CommandServices,
  section: ObjectivesSection,
  hash: string,
  actorId: string | null,
): Promise<void> {
  const key = { planId: section.planId, departmentId: section.departmentId, workspaceId: section.workspaceId }
  const row = await findApproval(services.db, key)
  if (row?.state !== 'approved' || row.hash === hash) return
  const department = (await listDepartments(services.db, section.workspaceId)).find(
    (d) => d.id === section.departmentId,
  )
  const departmentName = department?.name ?? 'A department'
  const now = Date.now()
  // A decision made meanwhile wins: the move is conditional on the row as read here.
  await moveObjectivesApproval(services, {
    key,
    sectionId: section.id,
    from: row,
    to: { state: 'stale', stale_at: now, updated_at: now },
    activity: { kind: 'objectives_stale', actorId, details: { departmentName, hash } },
    tell: {
      // The leads, and whoever submitted what was approved (docs/product.md).
      to: 'leads',
      alsoTell: row.submitted_by ? [row.submitted_by] : [],
      kind: 'approval_stale',
      excerpt: `${departmentName}'s approved objectives were edited; review what changed.`,
    },
  })
}
