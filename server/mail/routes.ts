import { createRoute } from '@hono/zod-openapi'
import { OutboxList, type OutboxMail } from '../../shared/mail/schema'
import { canManageWorkspace } from '../../shared/workspaces/permissions'
import { WorkspaceParams } from '../../shared/workspaces/schema'
import { requireAuth } from '../auth/middleware'
import { forbidden } from '../http/errors'
import { ERRORS, createRouter, jsonResponse } from '../http/router'
import type { Services } from '../services'
import type { MailOutboxRow } from './tables'
import { requireMembership } from '../workspaces/repo'
import { listWorkspaceMail } from './repo'

const list = createRoute({
  method: 'get',
  path: '/workspaces/{id}/mail-outbox',
  tags: ['mail'],
  summary: 'Mail about this workspace, queued and sent, newest first (owners and admins)',
  request: { params: WorkspaceParams },
  responses: { 200: jsonResponse(OutboxList, 'The outbox'), ...ERRORS },
})

const present = (row: MailOutboxRow): OutboxMail => ({
  id: row.id,
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  text: row.text_body,
  createdAt: row.created_at,
  status: row.sent_at === null ? 'queued' : row.delivered_via === 'log' ? 'logged' : 'sent',
  attempts: row.attempts,
  lastError: row.last_error,
})

export function mailOutboxRoutes({ storage: { db }, config }: Services) {
  return createRouter().openapi(list, async (c) => {
    const { user } = requireAuth(c)
    const caller = await requireMembership(db, c.req.valid('param').id, user.id)
    if (!canManageWorkspace(caller)) throw forbidden('Only owners and admins can read the mail outbox.')
    const rows = await listWorkspaceMail(db, caller.workspaceId)
    return c.json({ smtpConfigured: config.smtpUrl !== null, mails: rows.map(present) }, 200)
  })
}
