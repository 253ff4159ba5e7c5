import type { Selectable } from 'kysely'
import type { VersionKind } from '../../shared/history/schema'

/** Versions of a section (docs/product.md#storage-and-scale): its whole Yjs state at one moment, to view and restore. */
export interface SectionVersionsTable {
  id: string
  workspace_id: string
  plan_id: string
  section_id: string
  kind: VersionKind
  /** A named version's name; null otherwise. */
  name: string | null
  /** Shared by the versions of every section named together for the whole plan. */
  plan_version_id: string | null
  /** null for automatic snapshots. */
  created_by: string | null
  created_at: number
  /** `Y.encodeStateAsUpdate` of the section's document. */
  state: Uint8Array
  /** SHA-256 of the document's Yjs snapshot (state vector + delete set): equal exactly when the content is. */
  fingerprint: string
  /** For a restore marker: the version it brought back, and when that was taken (kept if it is pruned). */
  restored_from: string | null
  restored_from_at: number | null
}

export type VersionRow = Selectable<SectionVersionsTable>
