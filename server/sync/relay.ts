/**
 * How live documents reach the other server processes (Redis in production, nothing in one process).
 * Only what this process stored, or what its own clients said about their presence, goes out; what
 * arrives is applied with the REMOTE origin and never sent out again.
 */
export interface DocRelay {
  /** An update this process stored (with its id in the update log) and applied. */
  update(sectionId: string, id: number, update: Uint8Array): void
  /** An awareness change from one of this process's clients. */
  awareness(sectionId: string, update: Uint8Array): void
  /**
   * The section is now open in this process (before it is read from the log), so what the others store
   * of it must reach this process until `closed`; it catches up with `catchUp` once that is assured.
   */
  opened?(sectionId: string, catchUp: () => Promise<void>): void
  closed?(sectionId: string): void
}

/** The origin of changes that came from another process (or from the log, catching up). */
export const REMOTE = Symbol('remote')
