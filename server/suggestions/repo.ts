import { notFound } from '../http/errors'
import { type SectionContext, sectionContext } from '../plan-context'
import type { DbOrTx } from '../storage/database'
import type { SuggestionRow } from './tables'

/** A section's pending suggestions, oldest first. */
export const pendingSuggestions = (db: DbOrTx, sectionId: string): Promise<SuggestionRow[]> =>
  db
    .selectFrom('section_suggestions')
    .selectAll()
    .where('section_id', '=', sectionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()

/** A suggestion and its section, as the caller may see them; another workspace's is simply not found. */
export async function suggestionContext(
  db: DbOrTx,
  suggestionId: string,
  userId: string,
): Promise<SectionContext & { suggestion: SuggestionRow }> {
  const suggestion = await db
    .selectFrom('section_suggestions')
    .selectAll()
    .where('id', '=', suggestionId)
    .executeTakeFirst()
  if (!suggestion) throw notFound('The suggestion')
  return { ...(await sectionContext(db, suggestion.section_id, userId, 'The suggestion')), suggestion }
}
