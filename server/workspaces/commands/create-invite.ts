import { LIMITS } from '../../../shared/limits'
import type { Role } from '../../../shared/workspaces/roles'
import { type CommandServices, runCommand } from '../../after-commit'
import { generateSessionToken, hashToken } from '../../auth/sessions'
import { queueInviteMail } from '../../mail/invite-mail'
import { newId } from '../../storage/ids'
import type { InviteRow } from '../tables'

export interface CreateInviteInput {
  workspaceId: string
  role: Role
  /** Departments of the workspace, checked by the caller. */
  departmentIds: readonly string[]
  createdBy: string
  /** Where the invite link points (PUBLIC_URL or the request's origin). */
  origin: string
  /** Mailed the link, with who invites, when given. */
  mailTo?: { email: string; inviter: string }
}

/** A single-use invite; only its hash is stored, the token is returned once. */
export function createInvite(
  services: CommandServices,
  input: CreateInviteInput,
): Promise<{ row: InviteRow; token: string; url: string }> {
  const token = generateSessionToken()
  const now = Date.now()
  const row: InviteRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    token_hash: hashToken(token),
    role: input.role,
    department_ids: JSON.stringify(input.departmentIds),
    created_by: input.createdBy,
    created_at: now,
    expires_at: now + LIMITS.inviteTtlMs,
    used_at: null,
    used_by: null,
    revoked_at: null,
  }
  return runCommand(services, async (trx) => {
    await trx.insertInto('invites').values(row).execute()
    const url = `${input.origin}/invite/${token}`
    if (input.mailTo)
      await queueInviteMail(trx, { to: input.mailTo.email, url, inviter: input.mailTo.inviter, invite: row })
    return { result: { row, token, url }, effects: {} }
  })
}
