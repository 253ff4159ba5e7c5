import { canDecideSuggestions, canRejectSuggestion } from '../../shared/suggestions/permissions'
import type { Suggestion } from '../../shared/suggestions/schema'
import type { SectionContext } from '../plan-context'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import { userRefs } from '../user-refs'
import { changeOf, decodeTarget, resolveSuggestion } from './range'
import type { SuggestionRow } from './tables'

/** Suggestions as the caller sees them: author names, whether each still applies, what the caller may do. */
export async function presentSuggestions(
  deps: { db: DbOrTx; hub: DocumentHub },
  ctx: SectionContext,
  rows: readonly SuggestionRow[],
): Promise<Suggestion[]> {
  const people = await userRefs(
    deps.db,
    rows.map((r) => r.author_id),
  )
  const outdated = await deps.hub.read(
    ctx.section.id,
    (doc) => new Set(rows.filter((r) => !resolveSuggestion(doc, ctx.section.kind, changeOf(r))).map((r) => r.id)),
  )
  const target = { ownerDepartmentId: ctx.section.owner_department_id }
  const live = ctx.section.archived_at === null
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    sectionId: r.section_id,
    author: people(r.author_id)!,
    target: decodeTarget(r.target),
    start: r.start_pos,
    end: r.end_pos,
    deleted: r.deleted_text,
    inserted: r.inserted_text,
    createdAt: r.created_at,
    outdated: outdated.has(r.id),
    abilities: {
      accept: live && !outdated.has(r.id) && canDecideSuggestions(ctx.caller, target),
      reject: live && canRejectSuggestion(ctx.caller, target, { authorId: r.author_id }, ctx.caller.userId),
    },
  }))
}
