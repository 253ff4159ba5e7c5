import type { WorkspaceTemplate } from '../../shared/templates/schema'
import type { DbOrTx } from '../storage/database'
import type { WorkspaceTemplateRow } from './tables'

type Listed = Pick<WorkspaceTemplateRow, 'id' | 'name' | 'description' | 'created_at' | 'source_plan_id'>

/** A workspace's own templates, newest first, without their content. */
export const workspaceTemplatesOf = (db: DbOrTx, workspaceId: string): Promise<Listed[]> =>
  db
    .selectFrom('workspace_templates')
    .select(['id', 'name', 'description', 'created_at', 'source_plan_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()

export async function countWorkspaceTemplates(db: DbOrTx, workspaceId: string): Promise<number> {
  const { count } = await db
    .selectFrom('workspace_templates')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()
  return Number(count)
}

/** One of the workspace's templates; another workspace's is not found. */
export const findWorkspaceTemplate = (
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<WorkspaceTemplateRow | undefined> =>
  db
    .selectFrom('workspace_templates')
    .selectAll()
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()

export const presentWorkspaceTemplate = (row: Listed): WorkspaceTemplate => ({
  id: row.id,
  name: row.name,
  description: row.description,
  createdAt: Number(row.created_at),
  sourcePlanId: row.source_plan_id,
})
