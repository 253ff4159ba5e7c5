import { z } from 'zod'
import { LIMITS } from '../limits'
import { EncodedPosition, UserRef } from '../comments/schema'
import { ItemId } from '../plan-model/schema'
import { Id } from '../workspaces/schema'

/**
 * Suggestions (docs/product.md#suggestions-and-outside-reviewers, docs/suggestions.md): a proposed replacement of a range of a section's rich text,
 * kept beside the document. The author is never part of a request: the server takes it from the session.
 */

const SuggestedText = z.string().max(LIMITS.commentLength)

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/

/**
 * A structured text field by its path in the section's `fields`: a field name, then item id and field
 * name for each list it is in (['audience'], ['objectives', id, 'statement'], ['competitors', id,
 * 'ideas', id, 'text']). The server checks it names a shared text of the section's document.
 */
export const FieldPath = z
  .array(z.string())
  .min(1)
  .max(5)
  .refine(
    (path) =>
      path.length % 2 === 1 &&
      path.every((step, i) => (i % 2 === 0 ? FIELD_NAME.test(step) : ItemId.safeParse(step).success)),
    'Not a field path.',
  )

/** What a suggestion changes: the rich text (`body`) or one structured text field. */
export const SuggestionTarget = z.union([z.literal('body'), FieldPath])
export type SuggestionTarget = z.infer<typeof SuggestionTarget>

/**
 * `POST /sections/:id/suggestions`: replace the text between `start` and `end` (`deleted`) with
 * `inserted`, in the rich text (where a newline in `inserted` starts a new paragraph) or in a field.
 */
export const CreateSuggestionBody = z
  .strictObject({
    target: SuggestionTarget.default('body'),
    start: EncodedPosition,
    end: EncodedPosition,
    /** The text between the two positions as the suggester saw it; empty for a pure insertion. */
    deleted: SuggestedText,
    inserted: SuggestedText,
  })
  .refine((s) => s.deleted.length > 0 || s.inserted.length > 0, 'A suggestion inserts or deletes something.')
/** As a client sends it (`target` may be left out for the rich text). */
export type CreateSuggestionBody = z.input<typeof CreateSuggestionBody>
/** As the server has it once validated. */
export type ValidSuggestionBody = z.output<typeof CreateSuggestionBody>

export const Suggestion = z.object({
  id: z.string(),
  planId: z.string(),
  sectionId: z.string(),
  author: UserRef,
  target: SuggestionTarget,
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
