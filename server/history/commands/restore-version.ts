import { type CommandServices, runCommand } from '../../after-commit'
import type { SectionContext } from '../../plan-context'
import type { DocumentHub } from '../../sync/hub'
import type { VersionRow } from '../tables'
import { type Captured, capture, docFromState, recordAutomatic, insertVersion } from '../versions'

/**
 * Put a section back as a version had it, on top of the present (every peer sees it as a write),
 * keeping what it was just before as an automatic snapshot and the restore as a marker version.
 */
export async function restoreVersion(
  services: CommandServices & { hub: DocumentHub },
  input: { ctx: SectionContext; version: VersionRow; restoredBy: string },
): Promise<{ before: VersionRow | null; restored: VersionRow }> {
  const { ctx, version, restoredBy } = input
  // The change is made on the section as it is at that instant: what it was just before and just after are captured there.
  const taken: { before?: Captured; after?: Captured } = {}
  // Restoring pulls in Tiptap's schema: loaded with the first restore, not at every start.
  const { applyVersion } = await import('../restore')
  const source = docFromState(version.state)
  try {
    await services.hub.change(ctx.section.id, (doc) => {
      taken.before = capture(doc)
      applyVersion(doc, source, ctx.section.kind)
      taken.after = capture(doc)
    })
  } finally {
    source.destroy()
  }
  const at = Date.now()
  return runCommand(services, async (trx) => {
    const before = await recordAutomatic(trx, ctx.section, taken.before!, at)
    // A millisecond later, so the list shows the restore above the snapshot taken just before it.
    const restored = await insertVersion(trx, ctx.section, taken.after!, {
      kind: 'restore',
      createdBy: restoredBy,
      restoredFrom: { id: version.id, createdAt: version.created_at },
      at: at + 1,
    })
    const activity = {
      workspaceId: ctx.plan.workspace_id,
      planId: ctx.plan.id,
      departmentId: ctx.section.owner_department_id,
      sectionId: ctx.section.id,
      kind: 'version_restored' as const,
      actorId: restoredBy,
      details: {
        versionId: version.id,
        versionName: version.name,
        versionAt: version.created_at,
        sectionTitle: ctx.section.title,
      },
    }
    return { result: { before, restored }, effects: { activity: [activity] } }
  })
}
