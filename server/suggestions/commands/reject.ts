import { recordActivity } from '../../activity/record'
import type { SectionContext } from '../../plan-context'
import type { Db } from '../../storage/database'
import type { SuggestionRow } from '../tables'
import { activityOf, describeChange } from './shared'

/** Drop suggestions: the document never held them, so nothing of them is left in the text. */
export async function rejectSuggestions(
  db: Db,
  { ctx, actorId, suggestions }: { ctx: SectionContext; actorId: string; suggestions: readonly SuggestionRow[] },
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const rejected: string[] = []
    for (const s of suggestions) {
      const { numDeletedRows } = await trx.deleteFrom('section_suggestions').where('id', '=', s.id).executeTakeFirst()
      if (numDeletedRows === 0n) continue
      rejected.push(s.id)
      await recordActivity(trx, {
        ...activityOf(ctx),
        kind: 'suggestion_rejected',
        actorId,
        details: {
          suggestionId: s.id,
          authorId: s.author_id,
          withdrawn: s.author_id === actorId,
          sectionTitle: ctx.section.title,
          change: describeChange(ctx, s),
        },
      })
    }
    return rejected
  })
}
