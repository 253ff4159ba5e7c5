/** A plan's secret calendar address; one active per plan. */
export interface CalendarFeedsTable {
  id: string
  plan_id: string
  /** SHA-256 of the token in the address; the token itself is never stored. */
  token_hash: string
  created_by: string
  created_at: number
  revoked_at: number | null
}

/** The last served version of one event: SEQUENCE counts its edits, LAST-MODIFIED says when the last was seen. */
export interface CalendarFeedEventsTable {
  plan_id: string
  uid: string
  fingerprint: string
  sequence: number
  last_modified: number
}
