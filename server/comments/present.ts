import type { Anchor, Thread } from '../../shared/comments/schema'
import { canChangeComment, canComment, canResolveThread } from '../../shared/comments/permissions'
import type { SectionRow } from '../plans/tables'
import type { DbOrTx } from '../storage/database'
import type { DocumentHub } from '../sync/hub'
import { userRefs } from '../user-refs'
import type { CallerMembership } from '../workspaces/repo'
import { anchorCheck } from './anchors'
import { commentsOf, parseMentions } from './repo'
import type { ThreadRow } from './tables'

/**
 * Threads as the caller sees them: names, what they may do, and whether each anchor still finds its
 * text or item (each section's document is read once).
 */
export async function presentThreads(
  deps: { db: DbOrTx; hub: DocumentHub },
  threads: readonly ThreadRow[],
  sections: ReadonlyMap<string, SectionRow>,
  caller: CallerMembership,
): Promise<Thread[]> {
  const comments = await commentsOf(
    deps.db,
    threads.map((t) => t.id),
  )
  const people = await userRefs(deps.db, [
    ...threads.flatMap((t) => [t.created_by, t.resolved_by]),
    ...comments.flatMap((c) => [c.author_id, ...parseMentions(c.mentions)]),
  ])
  const anchors = new Map(threads.map((t) => [t.id, t.anchor === null ? null : (JSON.parse(t.anchor) as Anchor)]))
  const detached = await detachedThreads(deps.hub, threads, anchors, sections)

  return threads.flatMap((t) => {
    const section = sections.get(t.section_id)
    if (!section) return []
    const target = { ownerDepartmentId: section.owner_department_id }
    return [
      {
        id: t.id,
        planId: t.plan_id,
        sectionId: t.section_id,
        anchor: anchors.get(t.id) ?? null,
        detached: detached.has(t.id),
        createdBy: people(t.created_by)!,
        createdAt: t.created_at,
        updatedAt: t.updated_at,
        resolved:
          t.resolved_at !== null && t.resolved_by !== null ? { by: people(t.resolved_by)!, at: t.resolved_at } : null,
        comments: comments
          .filter((c) => c.thread_id === t.id)
          .map((c) => {
            const mine = canChangeComment(
              caller,
              target,
              { authorId: c.author_id, deletedAt: c.deleted_at },
              caller.userId,
            )
            return {
              id: c.id,
              threadId: t.id,
              author: people(c.author_id)!,
              body: c.body,
              mentions: parseMentions(c.mentions).map((id) => people(id)!),
              createdAt: c.created_at,
              editedAt: c.edited_at,
              deletedAt: c.deleted_at,
              abilities: { edit: mine, delete: mine },
            }
          }),
        abilities: {
          reply: canComment(caller, target) && section.archived_at === null,
          resolve: canResolveThread(caller, target, { createdBy: t.created_by }, caller.userId),
        },
      },
    ]
  })
}

async function detachedThreads(
  hub: DocumentHub,
  threads: readonly ThreadRow[],
  anchors: ReadonlyMap<string, Anchor | null>,
  sections: ReadonlyMap<string, SectionRow>,
): Promise<Set<string>> {
  const out = new Set<string>()
  const bySection = new Map<string, ThreadRow[]>()
  for (const t of threads)
    if (anchors.get(t.id)) bySection.set(t.section_id, [...(bySection.get(t.section_id) ?? []), t])
  await Promise.all(
    [...bySection].flatMap(([sectionId, anchored]) => {
      const section = sections.get(sectionId)
      if (!section) return []
      return hub.read(sectionId, (doc) => {
        const exists = anchorCheck(doc, section.kind)
        for (const t of anchored) if (!exists(anchors.get(t.id)!)) out.add(t.id)
      })
    }),
  )
  return out
}
