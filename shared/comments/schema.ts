import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { z } from 'zod'
import { LIMITS } from '../limits'
import { ItemId } from '../plan-model/schema'
import { Id } from '../workspaces/schema'

/**
 * Comments (docs/product.md#comments-and-approvals) as the API takes and returns them. Authorship is never part of a
 * request: the server takes it from the session.
 */

function isRelativePosition(encoded: string): boolean {
  try {
    Y.decodeRelativePosition(fromBase64(encoded))
    return true
  } catch {
    return false
  }
}

/** A Yjs relative position (`Y.encodeRelativePosition`) in base64: it follows its text through concurrent edits. */
export const EncodedPosition = z
  .string()
  .max(LIMITS.anchorPositionLength)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64.')
  .refine(isRelativePosition, 'Not an encoded Yjs relative position.')

const Quote = z.string().max(LIMITS.anchorQuoteLength)

/** A range of the section's rich text, with the words it was on (shown if they are deleted). */
export const TextAnchor = z.strictObject({
  type: z.literal('text'),
  start: EncodedPosition,
  end: EncodedPosition,
  quote: Quote,
})

/** A structured item (an objective, a competitor, a calendar entry…), optionally one of its fields. */
export const ItemAnchor = z.strictObject({
  type: z.literal('item'),
  itemId: ItemId,
  field: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Not a field name.')
    .optional(),
  /** How the item read when the comment was made (its name or statement), for when it is gone. */
  quote: Quote.optional(),
})

/** Where a thread is attached; a thread without an anchor is about the whole section. */
export const Anchor = z.discriminatedUnion('type', [TextAnchor, ItemAnchor])
export type Anchor = z.infer<typeof Anchor>

const CommentText = z.string().trim().min(1, 'Write something.').max(LIMITS.commentLength)
/** Members to notify beyond those written as `@[Name](userId)` in the text. */
const Mentions = z.array(Id).max(LIMITS.mentionsPerComment)

/** `POST /sections/:id/comments`: a new thread (optionally anchored), or a reply when `threadId` is given. */
export const CreateCommentBody = z
  .strictObject({
    body: CommentText,
    anchor: Anchor.optional(),
    threadId: Id.optional(),
    mentions: Mentions.optional(),
  })
  .refine((b) => !(b.threadId && b.anchor), {
    message: 'A reply takes no anchor: it belongs to its thread.',
    path: ['anchor'],
  })
export type CreateCommentBody = z.infer<typeof CreateCommentBody>

export const EditCommentBody = z.strictObject({ body: CommentText, mentions: Mentions.optional() })
export type EditCommentBody = z.infer<typeof EditCommentBody>

export const CommentParams = z.object({ id: Id })
export const ThreadParams = z.object({ id: Id })

export const UserRef = z.object({ id: z.string(), name: z.string() })
export type UserRef = z.infer<typeof UserRef>

export const Comment = z.object({
  id: z.string(),
  threadId: z.string(),
  author: UserRef,
  /** null once deleted: the thread keeps its place. */
  body: z.string().nullable(),
  mentions: z.array(UserRef),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  deletedAt: z.number().nullable(),
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
})
export type Comment = z.infer<typeof Comment>

export const Thread = z.object({
  id: z.string(),
  planId: z.string(),
  sectionId: z.string(),
  anchor: Anchor.nullable(),
  /** The anchored text or item is gone; the thread stays, with the words it was on. */
  detached: z.boolean(),
  createdBy: UserRef,
  createdAt: z.number(),
  updatedAt: z.number(),
  resolved: z.object({ by: UserRef, at: z.number() }).nullable(),
  comments: z.array(Comment),
  abilities: z.object({ reply: z.boolean(), resolve: z.boolean() }),
})
export type Thread = z.infer<typeof Thread>

export const ThreadList = z.object({ threads: z.array(Thread) })
export type ThreadList = z.infer<typeof ThreadList>
