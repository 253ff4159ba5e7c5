import type { ValidSuggestionBody } from '../../../shared/suggestions/schema'
import { canEditSection } from '../../../shared/workspaces/permissions'
import { recordActivity } from '../../activity/record'
import { conflict, invalid } from '../../http/errors'
import { notify } from '../../notifications/notify'
import type { SectionContext } from '../../plan-context'
import type { Db } from '../../storage/database'
import { newId } from '../../storage/ids'
import type { DocumentHub } from '../../sync/hub'
import { listMembers } from '../../workspaces/repo'
import { encodeTarget, isTextTarget, overflowsField, resolveSuggestion } from '../range'
import type { SuggestionRow } from '../tables'
import { activityOf, describeChange } from './shared'

export interface CreateSuggestion {
  ctx: SectionContext
  authorId: string
  input: ValidSuggestionBody
}

/** Store a suggestion made by the caller and tell the section's editors; the document is not touched. */
export async function createSuggestion(
  deps: { db: Db; hub: DocumentHub },
  { ctx, authorId, input }: CreateSuggestion,
): Promise<{ row: SuggestionRow; notified: string[] }> {
  const { found, limit } = await deps.hub.read(ctx.section.id, (doc) => ({
    found:
      resolveSuggestion(doc, ctx.section.kind, input) !== null
        ? 'found'
        : isTextTarget(doc, ctx.section.kind, input.target)
          ? 'outdated'
          : 'invalid',
    limit: overflowsField(doc, ctx.section.kind, input),
  }))
  // A field path must name a text field the section holds: a suggestion elsewhere could never apply.
  if (found === 'invalid') throw invalid('invalid_target', 'That is not a text field of this section.')
  // A suggestion on words that are not there (any more) could never be accepted: say so now.
  if (found === 'outdated')
    throw conflict('suggestion_outdated', 'The text this suggestion is on has changed; select it again.')
  // Accepted, it would make the field invalid, and readers would see it empty: refused while it is made.
  if (limit !== null) throw invalid('too_long', `This field holds at most ${limit} characters.`)
  const row: SuggestionRow = {
    id: newId(),
    workspace_id: ctx.plan.workspace_id,
    plan_id: ctx.plan.id,
    section_id: ctx.section.id,
    author_id: authorId,
    target: encodeTarget(input.target),
    start_pos: input.start,
    end_pos: input.end,
    deleted_text: input.deleted,
    inserted_text: input.inserted,
    created_at: Date.now(),
  }
  const target = { ownerDepartmentId: ctx.section.owner_department_id }
  const notified = await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('section_suggestions').values(row).execute()
    const excerpt = describeChange(ctx, row)
    await recordActivity(trx, {
      ...activityOf(ctx),
      kind: 'suggestion_made',
      actorId: authorId,
      details: { suggestionId: row.id, sectionTitle: ctx.section.title, change: excerpt },
    })
    const editors = (await listMembers(trx, ctx.plan.workspace_id)).filter((m) => canEditSection(m, target))
    return notify(
      trx,
      editors.map((m) => ({
        workspaceId: ctx.plan.workspace_id,
        userId: m.userId,
        kind: 'suggestion' as const,
        actorId: authorId,
        planId: ctx.plan.id,
        sectionId: ctx.section.id,
        departmentId: ctx.section.owner_department_id,
        excerpt,
      })),
    )
  })
  return { row, notified: notified.map((n) => n.userId) }
}
