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

export interface StalenessWatch extends SectionObserver {
  /**
   * Runs every check still gathering keystrokes now and resolves once all checks are done: the process
   * calls it before closing storage (an edit made just before a stop still marks its approval stale),
   * and tests call it to know that an approval left as it was is a verdict, not a check still to come.
   */
  settle(): Promise<void>
}

/** The checks of every watched section: waiting for their quiet moment, and under way. */
interface Checks {
  gathered: Set<() => void>
  running: Set<Promise<void>>
}

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
export function createStalenessWatch(db: Db, planEvents: PlanEvents, delayMs = STALENESS_DELAY_MS): StalenessWatch {
  const checks: Checks = { gathered: new Set(), running: new Set() }
  return {
    async settle() {
      for (const runNow of [...checks.gathered]) runNow()
      await Promise.all(checks.running)
    },
    load(section) {
      if (section.kind !== 'objectives' || !section.owner_department_id) return Promise.resolve(null)
      const watched = {
        id: section.id,
        planId: section.plan_id,
        workspaceId: section.workspace_id,
        departmentId: section.owner_department_id,
      }
      return Promise.resolve(watchSection(watched, db, planEvents, delayMs, checks))
    },
  }
}

function watchSection(section: ObjectivesSection, db: Db, planEvents: PlanEvents, delayMs: number, checks: Checks) {
  let timer: NodeJS.Timeout | null = null
  let pending: { doc: Y.Doc; actorId: string | null } | null = null
  /** The hash last compared with the stored approval: writes that leave the objectives as they were cost nothing. */
  let lastChecked: string | null = null
  let checking: Promise<void> = Promise.resolve()

  const check = () => {
    clearTimeout(timer!)
    timer = null
    checks.gathered.delete(check)
    const { doc, actorId } = pending!
    pending = null
    const { hash } = snapshotOfDoc(doc)
    if (hash === lastChecked) return
    checking = checking
      .then(() => markStale({ db, planEvents }, section, hash, actorId))
      .then(() => void (lastChecked = hash))
      .catch((err) => log.error('staleness check failed', { sectionId: section.id, error: String(err) }))
    const done = checking
    checks.running.add(done)
    void done.then(() => checks.running.delete(done))
  }

  return (doc: Y.Doc, origin: DocPeer | 'server') => {
    const actorId = origin === 'server' ? null : (origin.who?.userId ?? null)
    pending = { doc, actorId: pending?.actorId ?? actorId }
    if (timer) return
    timer = setTimeout(check, delayMs)
    timer.unref()
    checks.gathered.add(check)
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
