import type { ShareScope } from '../../../shared/shares/schema'
import { type CommandServices, runCommand } from '../../after-commit'
import { generateSessionToken, hashToken } from '../../auth/sessions'
import type { PlanRow } from '../../plans/tables'
import { newId } from '../../storage/ids'
import type { ShareLinkRow } from '../tables'

/** A public read-only link to a plan; only its hash is stored, the token is returned once. */
export function createShare(
  services: CommandServices,
  input: { plan: PlanRow; scope: ShareScope; createdBy: string },
): Promise<{ row: ShareLinkRow; token: string }> {
  const { plan, scope, createdBy } = input
  const token = generateSessionToken()
  const row: ShareLinkRow = {
    id: newId(),
    workspace_id: plan.workspace_id,
    plan_id: plan.id,
    token_hash: hashToken(token),
    scope,
    created_by: createdBy,
    created_at: Date.now(),
    revoked_at: null,
    revoked_by: null,
  }
  return runCommand(services, async (trx) => {
    await trx.insertInto('share_links').values(row).execute()
    const activity = { workspaceId: plan.workspace_id, planId: plan.id, actorId: createdBy, details: { scope } }
    return { result: { row, token }, effects: { activity: [{ ...activity, kind: 'share_created' as const }] } }
  })
}
