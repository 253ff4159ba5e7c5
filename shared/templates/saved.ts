import type { JSONContent } from '@tiptap/core'
import { z } from 'zod'
import { richTextSchema } from '../editor/extensions'
import { SectionKind } from '../plans/catalog'
import { type ContentInput, ItemId, SECTION_CONTENT } from '../plan-model/schema'
import { resolveLinks } from './instantiate'
import type { PlanTemplate, TemplateSummary } from './schema'

/**
 * A workspace's own template (docs/product.md#plans-managed-like-documents): a plan's content saved as
 * it was, with the plan's own ids, so the plan model's schema checks it as it checks any section.
 * Names are kept beside the ids because a new plan finds its departments and networks by name.
 */
const SavedSection = z
  .object({
    id: ItemId,
    kind: SectionKind,
    title: z.string().max(200),
    ownerDepartmentId: ItemId.nullable(),
    content: z.record(z.string(), z.unknown()),
    // Every node and mark must be one of the editor's; an empty body (a blank section) has no
    // block at all, which `check()` would refuse, so the content expressions are not checked.
    body: z.custom<JSONContent>((v) => {
      try {
        richTextSchema().nodeFromJSON(v)
        return true
      } catch {
        return false
      }
    }, 'Not rich text of a section.'),
  })
  .transform((s, ctx) => {
    const content = SECTION_CONTENT[s.kind].safeParse(s.content)
    if (content.success) return { ...s, content: content.data }
    for (const issue of content.error.issues) ctx.addIssue({ ...issue, path: ['content', ...issue.path] })
    return z.NEVER
  })
export const TemplateData = z.object({
  /** The workspace's departments when it was saved: a department deleted since is still known by name. */
  departments: z.array(z.object({ id: ItemId, name: z.string() })),
  sections: z.array(SavedSection),
})
export type TemplateData = z.infer<typeof TemplateData>

/**
 * A saved plan in the form of the built-in templates, for `planSections`: links to its networks and
 * departments become `@net:`/`@dept:` names, so a new plan points them at its own sections and at the
 * workspace's departments as they are now (a renamed department keeps its objectives).
 */
export function savedTemplatePlan(
  summary: TemplateSummary,
  data: TemplateData,
  departments: readonly { id: string; name: string }[],
): PlanTemplate {
  const names = new Map([...data.departments, ...departments].map((d) => [d.id, d.name]))
  const networks = new Map(data.sections.filter((s) => s.kind === 'network').map((s) => [s.id, s.title]))
  const token = (v: string) => {
    const network = networks.get(v)
    if (network !== undefined) return `@net:${network}`
    const department = names.get(v)
    return department === undefined ? undefined : `@dept:${department}`
  }
  return {
    ...summary,
    sections: data.sections.map((s) => ({
      kind: s.kind,
      content: resolveLinks(s.content, token) as ContentInput,
      body: s.body,
      ...(s.ownerDepartmentId !== null && names.has(s.ownerDepartmentId)
        ? { department: names.get(s.ownerDepartmentId) }
        : {}),
      ...(s.kind === 'network' ? { network: s.title } : {}),
    })) as PlanTemplate['sections'],
  }
}
