import { z } from 'zod'
import { LIMITS } from '../limits'
import { EncodedPosition, UserRef } from '../comments/schema'
import { Id } from '../workspaces/schema'

/**
 * Suggestions (docs/product.md#suggestions-and-outside-reviewers, docs/suggestions.md): a proposed replacement of a range of a section's rich text,
 * kept beside the document. The author is never part of a request: the server takes it from the session.
 */

const SuggestedText = z.string().max(LIMITS.commentLength)

/** `POST /sections/:id/suggestions`: replace the text between `start` and `end` (`deleted`) with `inserted`. */
export const CreateSuggestionBody = z
  .strictObject({
    start: EncodedPosition,
    end: EncodedPosition,
    /** The text between the two positions as the suggester saw it; empty for a pure insertion. */
    deleted: SuggestedText,
    inserted: SuggestedText,
  })
  .refine((s) => s.deleted.length > 0 || s.inserted.length > 0, 'A suggestion inserts or deletes something.')
export type CreateSuggestionBody = z.infer<typeof CreateSuggestionBody>

export const Suggestion = z.object({
  id: z.string(),
  planId: z.string(),
  sectionId: z.string(),
  author: UserRef,
  start: z.string(),
  end: z.string(),
  deleted: z.string(),
  inserted: z.string(),
  createdAt: z.number(),
  /** What it was made on is gone or changed: shown, never applied. */
  outdated: z.boolean(),
  abilities: z.object({ accept: z.boolean(), reject: z.boolean() }),
})
export type Suggestion = z.infer<typeof Suggestion>

export const SuggestionList = z.object({
  suggestions: z.array(Suggestion),
  /** Whether the caller may suggest here, and decide on suggestions. */
  abilities: z.object({ suggest: z.boolean(), decide: z.boolean() }),
})
export type SuggestionList = z.infer<typeof SuggestionList>

export const SuggestionParams = z.object({ id: Id })

/** What accept-all / reject-all did: outdated suggestions are left in place when accepting all. */
export const BulkDecision = z.object({ decided: z.array(z.string()), outdated: z.array(z.string()) })
export type BulkDecision = z.infer<typeof BulkDecision>
