import { z } from 'zod'
import { LIMITS } from '../limits'
import { UserRef } from '../comments/schema'
import { ShareToken } from '../shares/schema'
import { Department, Id } from '../workspaces/schema'

/** Outside reviewers (docs/product.md#suggestions-and-outside-reviewers): a link to one plan whose holder reads it live, comments and suggests. */

export const CreateReviewLinkBody = z.strictObject({
  /** ISO 8601; after it the link answers 404 like a revoked one. */
  expiresAt: z.iso
    .datetime({ offset: true, local: false })
    .refine((v) => Date.parse(v) > Date.now(), 'The expiry must be in the future.')
    .optional(),
})

/** The URL (with its token) is shown only in this answer: the server keeps a hash. */
export const CreatedReviewLink = z.object({ id: z.string(), url: z.string(), expiresAt: z.number().nullable() })

export const ReviewLinkParams = z.object({ id: Id, linkId: Id })
export const ReviewTokenParams = z.object({ token: ShareToken })

/** What the page asking for a name shows; the departments name the sections' owners in the guest view. */
export const ReviewLinkInfo = z.object({
  planTitle: z.string(),
  invitedBy: z.string(),
  departments: z.array(Department),
  /** For someone signed in who is a member of the plan's workspace: the plan itself, to open as themselves. */
  asMember: z.object({ workspaceId: z.string(), planId: z.string() }).nullable(),
})

/** The guest's name; comments show it as "Name (guest)". */
export const JoinReviewBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Enter your name.')
    .max(LIMITS.nameLength - ' (guest)'.length),
})

export const JoinedReview = z.object({ planId: z.string(), workspaceId: z.string(), user: UserRef })
