import type { Workspace } from '../../shared/workspaces/schema'
import { workspaceAbilities } from '../../shared/workspaces/permissions'
import { notFound } from '../http/errors'
import type { DbOrTx } from '../storage/database'
import { type CallerMembership, listDepartments, listMembers } from './repo'

/** The workspace as the caller sees it: departments, members, and the caller's own abilities. */
export async function presentWorkspace(db: DbOrTx, caller: CallerMembership): Promise<Workspace> {
  const ws = await db.selectFrom('workspaces').selectAll().where('id', '=', caller.workspaceId).executeTakeFirst()
  if (!ws) throw notFound('The workspace')
  return {
    id: ws.id,
    name: ws.name,
    createdAt: ws.created_at,
    departments: await listDepartments(db, ws.id),
    members: await listMembers(db, ws.id),
    me: { role: caller.role, departmentIds: [...caller.departmentIds], leadOf: [...caller.leadOf] },
    abilities: workspaceAbilities(caller),
  }
}
