/** A section's update log: every update a client sent, stored before it was broadcast. */
export interface SectionUpdatesTable {
  /** Table-wide increasing id: the order updates were stored in. */
  id: number
  section_id: string
  data: Uint8Array
  created_at: number
}

/** The compacted state of a section: the log up to the snapshot, merged. */
export interface SectionSnapshotsTable {
  section_id: string
  state: Uint8Array
  /** Bumped by every compaction; a compaction that read another version gives up (no lost merges). */
  version: number
  updated_at: number
}
