import { randomBytes } from 'node:crypto'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'

/** A random, URL-safe id: 15 bytes (120 bits) in lower-case base32. */
export function newId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(15))
}
