import { z } from 'zod'
import { UserRef } from '../comments/schema'
import { Id } from '../workspaces/schema'
import { Block } from './blocks'

/**
 * A section's history (docs/product.md#storage-and-scale) as the API takes and returns it. A version's Yjs state never
 * leaves the server.
 */

export const VERSION_NAME_LENGTH = 120

/**
 * `auto`: taken by the server while people edit and when the section leaves memory (thinned by the
 * retention rule); `named`: a person named it (for the section or the whole plan); `restore`: the
 * section right after a restore, marking it in the list. Named versions and restore markers are kept.
 */
export const VersionKind = z.enum(['auto', 'named', 'restore'])
export type VersionKind = z.infer<typeof VersionKind>

export const VersionParams = z.object({ id: Id, versionId: Id })

export const NameVersionBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the version a name.').max(VERSION_NAME_LENGTH),
})
export type NameVersionBody = z.infer<typeof NameVersionBody>

export const Version = z.object({
  id: z.string(),
  sectionId: z.string(),
  kind: VersionKind,
  /** A named version's name; null otherwise. */
  name: z.string().nullable(),
  /** Set when the version was named for the whole plan: the same id on every section's version. */
  planVersionId: z.string().nullable(),
  /** null for automatic snapshots. */
  createdBy: UserRef.nullable(),
  createdAt: z.number(),
  /** For a restore: which version was brought back (its time, and name if it had one). */
  restoredFrom: z.object({ id: z.string(), name: z.string().nullable(), createdAt: z.number() }).nullable(),
})
export type Version = z.infer<typeof Version>

export const VersionList = z.object({
  versions: z.array(Version),
  /** What the caller may do with this section's history. */
  abilities: z.object({ name: z.boolean(), restore: z.boolean() }),
})
export type VersionList = z.infer<typeof VersionList>

/** A section's content for display: its rich text as blocks and its structured fields (plan model). */
export const SectionSnapshotContent = z.object({
  blocks: z.array(Block),
  fields: z.record(z.string(), z.unknown()),
})
export type SectionSnapshotContent = z.infer<typeof SectionSnapshotContent>

/** One version's content; the web app compares it with the live section (body-diff.ts, field-diff.ts). */
export const VersionDetail = z.object({
  version: Version,
  content: SectionSnapshotContent,
})
export type VersionDetail = z.infer<typeof VersionDetail>

export const RestoreResult = z.object({
  /** The restore marker now at the top of the list. */
  restored: Version,
  /** The automatic snapshot of the section as it was just before, to undo the restore with; null when an identical version already existed. */
  before: Version.nullable(),
})
export type RestoreResult = z.infer<typeof RestoreResult>

export const PlanVersion = z.object({
  planVersionId: z.string(),
  name: z.string(),
  createdAt: z.number(),
  /** One version per section of the plan. */
  versions: z.array(Version),
})
export type PlanVersion = z.infer<typeof PlanVersion>
