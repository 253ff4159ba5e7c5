import { type Membership, type SectionAccessTarget, canEditSection, canReadSection } from '../workspaces/permissions'

/**
 * Who may do what with history (docs/product.md#storage-and-scale): everyone who may read a section sees its history;
 * its editors name and restore.
 */
export const canReadHistory = (m: Membership, s: SectionAccessTarget) => canReadSection(m, s)
export const canNameVersion = (m: Membership, s: SectionAccessTarget) => canEditSection(m, s)
export const canRestoreVersion = (m: Membership, s: SectionAccessTarget) => canEditSection(m, s)

/** A version of the whole plan changes no content: anyone who may edit the plan's shared sections may name one. */
export const canNamePlanVersion = (m: Membership) => canEditSection(m, { ownerDepartmentId: null })
