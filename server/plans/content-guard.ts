import type * as Y from 'yjs'
import { type ContentRepair, sectionGuard } from '../../shared/plan-model/repair'
import { log } from '../log'
import type { DbOrTx } from '../storage/database'
import type { ContentGuard } from '../sync/live-doc'

/**
 * Keeps every section's structured content valid for its kind (shared/plan-model/repair.ts says why
 * the server repairs rather than refuses). The kind is looked up once, when the section loads. Rich-text
 * kinds are checked too (their `fields` must stay empty); rooms that are not sections (a plan's
 * presence room) get no check.
 */
export function createContentGuard(db: DbOrTx): ContentGuard {
  return {
    async load(sectionId) {
      const row = await db.selectFrom('sections').select('kind').where('id', '=', sectionId).executeTakeFirst()
      if (!row) return null
      const check = sectionGuard(row.kind)
      return (doc: Y.Doc, transaction: Y.Transaction): ContentRepair | null => {
        try {
          const repair = check(doc, transaction)
          if (repair)
            log.info('structured content repaired', { sectionId, kind: row.kind, problems: repair.problems.length })
          return repair
        } catch (err) {
          // The write is stored already; a failing check must not fail it. Readers skip what is invalid.
          log.error('structured content check failed', { sectionId, error: String(err) })
          return null
        }
      }
    },
  }
}
