import type { NotificationKind } from '../../../shared/notifications/schema'
import { type CommandServices, runCommand } from '../../after-commit'
import type { NewActivity } from '../../activity/record'
import { type ApprovalKey, departmentLeads, moveApproval } from '../repo'
import type { ApprovalRow } from '../tables'

export interface MoveApprovalInput {
  key: ApprovalKey
  /** The department's Objectives section, when it has one. */
  sectionId: string | null
  /** The row as it was read (undefined: draft); the move is refused if someone moved it meanwhile. */
  from: ApprovalRow | undefined
  to: Parameters<typeof moveApproval>[3]
  activity: Pick<NewActivity, 'kind' | 'actorId' | 'details'>
  /**
   * Who is told: the department's leads, or one person (the submitter of a decided approval), and
   * `alsoTell` besides (the submitter of an approval gone stale); each person once.
   */
  tell: { to: 'leads' | { userId: string } | null; alsoTell?: string[]; kind: NotificationKind; excerpt: string }
}

/**
 * Move a department's approval (submitted, decided, stale): the one path the HTTP routes and the
 * staleness watch take. False, with nothing written, when the approval moved meanwhile.
 */
export async function moveObjectivesApproval(services: CommandServices, input: MoveApprovalInput): Promise<boolean> {
  const { key, sectionId, tell } = input
  return runCommand(services, async (trx) => {
    if (!(await moveApproval(trx, key, input.from, input.to))) return { result: false, effects: {} }
    const where = { workspaceId: key.workspaceId, planId: key.planId, departmentId: key.departmentId }
    const told = tell.to === 'leads' ? await departmentLeads(trx, key.departmentId) : tell.to ? [tell.to.userId] : []
    const recipients = [...new Set([...told, ...(tell.alsoTell ?? [])])]
    return {
      result: true,
      effects: {
        activity: [{ ...where, sectionId, ...input.activity }],
        notifications: recipients.map((userId) => ({
          ...where,
          userId,
          kind: tell.kind,
          actorId: input.activity.actorId,
          sectionId,
          excerpt: tell.excerpt,
        })),
        refetch: [{ kind: 'approvals', ...where }],
      },
    }
  })
}
