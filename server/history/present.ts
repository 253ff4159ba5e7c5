import type { Version } from '../../shared/history/schema'
import type { DbOrTx } from '../storage/database'
import { userRefs } from '../user-refs'
import type { VersionSummaryRow } from './versions'

/** Versions as the API shows them: who made each, and what a restore brought back. */
export async function presentVersions(db: DbOrTx, rows: readonly VersionSummaryRow[]): Promise<Version[]> {
  const people = await userRefs(
    db,
    rows.map((r) => r.created_by),
  )
  const restoredIds = rows.flatMap((r) => (r.restored_from ? [r.restored_from] : []))
  const names = new Map(
    restoredIds.length === 0
      ? []
      : (await db.selectFrom('section_versions').select(['id', 'name']).where('id', 'in', restoredIds).execute()).map(
          (r) => [r.id, r.name],
        ),
  )
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    kind: r.kind,
    name: r.name,
    planVersionId: r.plan_version_id,
    createdBy: people(r.created_by),
    createdAt: r.created_at,
    // The version brought back may have been thinned out since; its time was kept with the restore.
    restoredFrom:
      r.restored_from && r.restored_from_at !== null
        ? { id: r.restored_from, name: names.get(r.restored_from) ?? null, createdAt: r.restored_from_at }
        : null,
  }))
}
