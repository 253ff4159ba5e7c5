import { recordActivity } from '../../activity/record'
import type { SectionContext } from '../../plan-context'
import type { Db } from '../../storage/database'
import type { DocumentHub } from '../../sync/hub'
import { applySuggestion, changeOf, overflowsField, placeSuggestion } from '../range'
import type { SuggestionRow } from '../tables'
import { activityOf, describeChange } from './shared'

export interface AcceptSuggestions {
  ctx: SectionContext
  acceptorId: string
  /** Pending suggestions of `ctx.section`, applied in this order. */
  suggestions: readonly SuggestionRow[]
}

/**
 * Apply suggestions as one server change to the section made for the acceptor, through `hub.change`
 * as a restore is: stored, broadcast, seen by history and the staleness watch like any write. Each is
 * found again just before it is applied; an outdated one is left pending and untouched.
 */
export async function acceptSuggestions(
  deps: { db: Db; hub: DocumentHub },
  { ctx, acceptorId, suggestions }: AcceptSuggestions,
): Promise<{ accepted: string[]; outdated: string[] }> {
  // Claim them first, so two people accepting at once cannot apply one suggestion twice.
  const claimed = await deps.db.transaction().execute(async (trx) => {
    const mine: SuggestionRow[] = []
    for (const s of suggestions) {
      const { numDeletedRows } = await trx.deleteFrom('section_suggestions').where('id', '=', s.id).executeTakeFirst()
      if (numDeletedRows > 0n) mine.push(s)
    }
    return mine
  })
  const accepted: SuggestionRow[] = []
  const outdated: SuggestionRow[] = []
  try {
    await deps.hub.change(ctx.section.id, (doc) => {
      for (const s of claimed) {
        const change = changeOf(s)
        // The field may have grown since it was made: one that no longer fits is left pending, as an outdated one.
        const range =
          overflowsField(doc, ctx.section.kind, change) === null && placeSuggestion(doc, ctx.section.kind, change)
        if (!range) {
          outdated.push(s)
          continue
        }
        applySuggestion(range, s.inserted_text)
        accepted.push(s)
      }
    })
  } catch (err) {
    await putBack(deps.db, claimed)
    throw err
  }
  await deps.db.transaction().execute(async (trx) => {
    if (outdated.length) await trx.insertInto('section_suggestions').values(outdated).execute()
    for (const s of accepted)
      await recordActivity(trx, {
        ...activityOf(ctx),
        kind: 'suggestion_accepted',
        actorId: acceptorId,
        details: {
          suggestionId: s.id,
          authorId: s.author_id,
          sectionTitle: ctx.section.title,
          change: describeChange(ctx, s),
        },
      })
  })
  return { accepted: accepted.map((s) => s.id), outdated: outdated.map((s) => s.id) }
}

async function putBack(db: Db, rows: readonly SuggestionRow[]) {
  if (rows.length)
    await db
      .insertInto('section_suggestions')
      .values([...rows])
      .execute()
}
