import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../shared/workspaces/roles'
import type { DbOrTx } from '../storage/database'
import type { InviteRow } from '../workspaces/tables'
import { listDepartments } from '../workspaces/repo'
import { enqueueMail } from './outbox'
import { renderMail } from './templates'

export interface InviteMail {
  to: string
  url: string
  inviter: string
  invite: InviteRow
}

/** Queues the invite mail in the transaction that creates the invite: who, where, as what, and the link. */
export async function queueInviteMail(trx: DbOrTx, { to, url, inviter, invite }: InviteMail): Promise<void> {
  const ws = await trx
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', invite.workspace_id)
    .executeTakeFirstOrThrow()
  const ids = JSON.parse(invite.department_ids) as string[]
  const departments = (await listDepartments(trx, invite.workspace_id)).filter((d) => ids.includes(d.id))
  const role = ROLE_LABELS[invite.role]
  const mail = renderMail({
    subject: `${inviter} invited you to ${ws.name} on Planroom`,
    heading: `Join ${ws.name} on Planroom`,
    paragraphs: [
      `${inviter} invited you to the workspace ${ws.name}, where marketing, customer service and sales write their social media plan together.`,
      `Your role: ${role}. ${ROLE_DESCRIPTIONS[invite.role]}`,
      departments.length
        ? `Your departments: ${departments.map((d) => d.name).join(', ')}.`
        : 'You are not in a department yet; an admin can add you later.',
      `The link works once and expires on ${new Date(invite.expires_at).toUTCString()}.`,
    ],
    action: { label: `Join ${ws.name}`, url },
    footer: [`You received this because ${inviter} entered your address. If you did not expect it, ignore it.`],
  })
  await enqueueMail(trx, { ...mail, to, kind: 'invite', workspaceId: invite.workspace_id })
}
