import { type Membership, type SectionAccessTarget, canCommentSection, canEditSection } from '../workspaces/permissions'

/** Who may do what with suggestions (docs/suggestions.md), shared by the server and the client. */

/** Anyone who may comment on a section may suggest a change to it, with or without edit rights. */
export const canSuggest = canCommentSection

/** Accept or reject: the section's editors. */
export const canDecideSuggestions = canEditSection

/** Reject one suggestion: the section's editors, or its author withdrawing it. */
export function canRejectSuggestion(
  m: Membership,
  s: SectionAccessTarget,
  suggestion: { authorId: string },
  userId: string,
): boolean {
  return canEditSection(m, s) || (suggestion.authorId === userId && canCommentSection(m, s))
}
