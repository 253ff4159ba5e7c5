import { type Membership, type SectionAccessTarget, canCommentSection, canEditSection } from '../workspaces/permissions'

/**
 * Who may do what with comments (docs/product.md#comments-and-approvals), as plain functions shared by the server and
 * the client. Every member reads comments; commenters and up write them, whether or not they may edit the section.
 */

/** Start a thread or reply. */
export const canComment = canCommentSection

/** Edit or delete a comment: only its author, while they may still comment. */
export function canChangeComment(
  m: Membership,
  s: SectionAccessTarget,
  comment: { authorId: string; deletedAt: number | null },
  userId: string,
): boolean {
  return comment.deletedAt === null && comment.authorId === userId && canCommentSection(m, s)
}

/** Resolve or reopen: the thread's author (even without edit rights) or anyone who can edit the section. */
export function canResolveThread(
  m: Membership,
  s: SectionAccessTarget,
  thread: { createdBy: string },
  userId: string,
): boolean {
  if (!canCommentSection(m, s)) return false
  return thread.createdBy === userId || canEditSection(m, s)
}
