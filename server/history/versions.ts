import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import type { VersionKind } from '../../shared/history/schema'
import type { DbOrTx } from '../storage/database'
import { newId } from '../storage/ids'
import { snapshotsToKeep } from './retention'
import type { VersionRow } from './tables'

/** A section's document frozen for a version: its state, and a fingerprint to tell identical content. */
export interface Captured {
  state: Uint8Array
  fingerprint: string
}

/** Must run synchronously on a live document: what it returns no longer depends on it. */
export function capture(doc: Y.Doc): Captured {
  // The Yjs snapshot (state vector + delete set) is encoded in a fixed order: equal exactly when the content is.
  const fingerprint = createHash('sha256')
    .update(Y.encodeSnapshot(Y.snapshot(doc)))
    .digest('hex')
  return { state: Y.encodeStateAsUpdate(doc), fingerprint }
}

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

/** Which section a version belongs to, as stored with it. */
export interface SectionRef {
  id: string
  plan_id: string
  workspace_id: string
}

export interface NewVersion {
  kind: VersionKind
  name?: string | null
  planVersionId?: string | null
  createdBy?: string | null
  restoredFrom?: { id: string; createdAt: number } | null
  at?: number
}

export async function insertVersion(
  db: DbOrTx,
  section: SectionRef,
  captured: Captured,
  v: NewVersion,
): Promise<VersionRow> {
  const row: VersionRow = {
    id: newId(),
    workspace_id: section.workspace_id,
    plan_id: section.plan_id,
    section_id: section.id,
    kind: v.kind,
    name: v.name ?? null,
    plan_version_id: v.planVersionId ?? null,
    created_by: v.createdBy ?? null,
    created_at: v.at ?? Date.now(),
    state: captured.state,
    fingerprint: captured.fingerprint,
    restored_from: v.restoredFrom?.id ?? null,
    restored_from_at: v.restoredFrom?.createdAt ?? null,
  }
  await db
    .insertInto('section_versions')
    .values({ ...row, state: Buffer.from(captured.state) })
    .execute()
  return row
}

/** Newest first; without the states (a list never needs them). */
export const listVersions = (db: DbOrTx, sectionId: string) =>
  db
    .selectFrom('section_versions')
    .select([
      'id',
      'section_id',
      'kind',
      'name',
      'plan_version_id',
      'created_by',
      'created_at',
      'restored_from',
      'restored_from_at',
    ])
    .where('section_id', '=', sectionId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
export type VersionSummaryRow = Awaited<ReturnType<typeof listVersions>>[number]

export const findVersion = (db: DbOrTx, sectionId: string, versionId: string) =>
  db
    .selectFrom('section_versions')
    .selectAll()
    .where('id', '=', versionId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst()

/**
 * An automatic snapshot, unless the section's newest version already holds this very content; then
 * the older automatic snapshots are thinned by the retention rule. Returns the new row, or null.
 */
export async function recordAutomatic(
  db: DbOrTx,
  section: SectionRef,
  captured: Captured,
  at = Date.now(),
): Promise<VersionRow | null> {
  const latest = await db
    .selectFrom('section_versions')
    .select('fingerprint')
    .where('section_id', '=', section.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (latest?.fingerprint === captured.fingerprint) return null
  const row = await insertVersion(db, section, captured, { kind: 'auto', at })
  await pruneAutomatic(db, section.id, at)
  return row
}

async function pruneAutomatic(db: DbOrTx, sectionId: string, now: number): Promise<void> {
  const automatic = await db
    .selectFrom('section_versions')
    .select(['id', 'created_at'])
    .where('section_id', '=', sectionId)
    .where('kind', '=', 'auto')
    .execute()
  const keep = snapshotsToKeep(
    automatic.map((r) => ({ id: r.id, createdAt: r.created_at })),
    now,
  )
  const drop = automatic.filter((r) => !keep.has(r.id)).map((r) => r.id)
  if (drop.length > 0) await db.deleteFrom('section_versions').where('id', 'in', drop).execute()
}
