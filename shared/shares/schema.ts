import { z } from 'zod'
import { UserRef } from '../comments/schema'
import type { SectionKind } from '../plans/catalog'
import { Id } from '../workspaces/schema'

/** Read-only public links to a plan (docs/product.md#export-and-sharing): the guidelines, or the whole plan. */

export const SHARE_SCOPES = ['guidelines', 'plan'] as const
export const ShareScope = z.enum(SHARE_SCOPES)
export type ShareScope = z.infer<typeof ShareScope>

/** Whether what a scope shares includes a section of this kind: a guidelines link shows no other. */
export const scopeShows = (scope: ShareScope, kind: SectionKind) => scope === 'plan' || kind === 'guidelines'

/** Active links a plan may have at once: enough for every audience, few enough to keep track of. */
export const MAX_ACTIVE_SHARES = 20

export const ShareParams = z.object({ id: Id, shareId: Id })
/** 25 random bytes in lower-case base32, 40 characters (generateSessionToken in server/auth/sessions.ts). */
export const ShareToken = z.string().regex(/^[a-z2-7]{40,64}$/)

export const CreateShareBody = z.strictObject({ scope: ShareScope })

export const ShareLink = z.object({
  id: z.string(),
  scope: ShareScope,
  createdAt: z.number(),
  createdBy: UserRef.nullable(),
})
export type ShareLink = z.infer<typeof ShareLink>

/** The token and URL are shown only in this answer: the server keeps a hash. */
export const CreatedShare = ShareLink.extend({ token: z.string(), url: z.string() })
export type CreatedShare = z.infer<typeof CreatedShare>

export const ShareList = z.object({ shares: z.array(ShareLink) })
