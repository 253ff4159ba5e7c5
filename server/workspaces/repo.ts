import type { Department, Member } from '../../shared/workspaces/schema'
import type { Membership } from '../../shared/workspaces/permissions'
import type { Role } from '../../shared/workspaces/roles'
import { PostgresAdapter } from 'kysely'
import { notFound } from '../http/errors'
import type { DbOrTx } from '../storage/database'

export interface CallerMembership extends Membership {
  workspaceId: string
  userId: string
}

/** The caller's membership, or null when they are not in the workspace (or it does not exist). */
export async function findMembership(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<CallerMembership | null> {
  const row = await db
    .selectFrom('memberships')
    .select(['role'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return null
  const depts = await db
    .selectFrom('member_departments')
    .select(['department_id', 'is_lead'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute()
  return {
    workspaceId,
    userId,
    role: row.role,
    departmentIds: depts.map((d) => d.department_id),
    leadOf: depts.filter((d) => d.is_lead === 1).map((d) => d.department_id),
  }
}

/**
 * Non-members get the same 404 as a workspace that does not exist: another tenant's ids reveal nothing.
 */
export async function requireMembership(db: DbOrTx, workspaceId: string, userId: string): Promise<CallerMembership> {
  const m = await findMembership(db, workspaceId, userId)
  if (!m) throw notFound('The workspace')
  return m
}

export async function listDepartments(db: DbOrTx, workspaceId: string): Promise<Department[]> {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'position'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('created_at')
    .execute()
}

export async function listMembers(db: DbOrTx, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.joined_at as joinedAt',
    ])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('memberships.joined_at')
    .execute()
  const depts = await db
    .selectFrom('member_departments')
    .select(['user_id', 'department_id', 'is_lead'])
    .where('workspace_id', '=', workspaceId)
    .execute()
  return rows.map((r) => {
    const mine = depts.filter((d) => d.user_id === r.userId)
    return {
      ...r,
      departmentIds: mine.map((d) => d.department_id),
      leadOf: mine.filter((d) => d.is_lead === 1).map((d) => d.department_id),
    }
  })
}

/**
 * Serialises changes to one workspace's members inside a transaction, so that a check such as "is this
 * the last owner?" sees what a concurrent change committed. PostgreSQL locks the workspace row until
 * the transaction ends; SQLite runs one write transaction at a time already.
 */
export async function lockWorkspaceMembers(trx: DbOrTx, workspaceId: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return
  await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute()
}

export async function countOwners(db: DbOrTx, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Replace a member's departments and leads in one go. */
export async function setMemberDepartments(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  departmentIds: readonly string[],
  leadOf: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('member_departments')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute()
  const all = [...new Set([...departmentIds, ...leadOf])]
  if (all.length === 0) return
  await db
    .insertInto('member_departments')
    .values(
      all.map((department_id) => ({
        workspace_id: workspaceId,
        user_id: userId,
        department_id,
        is_lead: leadOf.includes(department_id) ? 1 : 0,
      })),
    )
    .execute()
}

export async function addMember(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  role: Role,
  departmentIds: readonly string[],
) {
  await db
    .insertInto('memberships')
    .values({ workspace_id: workspaceId, user_id: userId, role, joined_at: Date.now() })
    .execute()
  await setMemberDepartments(db, workspaceId, userId, departmentIds, [])
}

/** The workspaces a person belongs to, oldest first, with their role in each. */
export const workspacesOf = (db: DbOrTx, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.created_at')
    .execute()
