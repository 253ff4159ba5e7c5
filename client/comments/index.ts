/**
 * Comments on a section: its text (anchored to words, highlighted, following concurrent edits), its
 * structured items, or the whole section. For other features:
 * - `useCommentActions()` → `{ openItemThread(itemId, { quote?, field? }), threadsOf(itemId), canStart }`,
 *   available anywhere inside a section pane (null elsewhere);
 * - `<ItemCommentButton itemId quote />`, a ready-made "Comment" action for a structured item.
 */
export { useCommentActions, useComments } from './CommentsProvider'
export { ItemCommentButton } from './ItemCommentButton'
