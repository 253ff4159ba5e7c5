/** A password reset link: single use, valid for an hour. */
export interface PasswordResetsTable {
  /** SHA-256 of the token in the link; the token itself is never stored. */
  token_hash: string
  user_id: string
  created_at: number
  expires_at: number
  used_at: number | null
}
