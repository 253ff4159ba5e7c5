import type { JSONContent } from '@tiptap/core'
import { z } from 'zod'
import { LIMITS } from '../limits'
import { Id } from '../workspaces/schema'
import type { SectionKind } from '../plans/catalog'
import type { ContentInput } from '../plan-model/schema'

/** `GET /api/templates` (docs/product.md#plans-managed-like-documents): what a person picks from when creating a plan. */
export const TemplateSummary = z.object({ id: z.string(), name: z.string(), description: z.string() })
export type TemplateSummary = z.infer<typeof TemplateSummary>
export const TemplateList = z.object({ templates: z.array(TemplateSummary) })
export type TemplateList = z.infer<typeof TemplateList>

export const BLANK_TEMPLATE_ID = 'blank'
export const TemplateId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'Not a template id.')

// A workspace's own templates (docs/product.md#plans-managed-like-documents); their content is `TemplateData` (saved.ts).
export const TemplateName = z.string().trim().min(1, 'Name the template.').max(LIMITS.templateNameLength)

/** `POST /api/plans/:id/template`. */
export const SaveTemplateBody = z.object({ name: TemplateName })
export type SaveTemplateBody = z.infer<typeof SaveTemplateBody>

export const WorkspaceTemplate = TemplateSummary.extend({
  createdAt: z.number(),
  /** The plan it was saved from; null once that plan is deleted. */
  sourcePlanId: z.string().nullable(),
})
export type WorkspaceTemplate = z.infer<typeof WorkspaceTemplate>

/** `GET /api/workspaces/:id/templates`: blank and the examples, then the workspace's own, newest first. */
export const WorkspaceTemplateList = z.object({
  templates: z.array(TemplateSummary),
  own: z.array(WorkspaceTemplate),
})
export type WorkspaceTemplateList = z.infer<typeof WorkspaceTemplateList>

export const WorkspaceTemplateParams = z.object({ id: Id, templateId: TemplateId })

/**
 * Rich text as a writer types it: a line is a paragraph, `## ` starts a heading, `- ` a bullet
 * (consecutive bullets form one list).
 */
export type BodyLines = readonly string[]

/**
 * One section of a template. Links are written by name, because ids only exist once the plan does:
 * `@net:Instagram` is the Instagram section, `@dept:Sales` the Sales department (instantiate.ts).
 * Item ids (objectives, goals…) are the template's own: they are unique inside one plan.
 */
export type TemplateSection = {
  [K in SectionKind]: {
    kind: K
    content: ContentInput<K>
    /** Lines in the examples; a workspace's saved template keeps the plan's rich text as it was. */
    body: BodyLines | JSONContent
    /** Objectives: the department by name; a network: the department that owns its section. */
    department?: string
    /** A network section: the network's name, also its section's title. */
    network?: string
  }
}[SectionKind]

export interface PlanTemplate extends TemplateSummary {
  sections: readonly TemplateSection[]
}

/** A typed section, so each template checks its content against the plan model's types. */
export const sectionOf = <K extends SectionKind>(
  kind: K,
  content: ContentInput<K>,
  body: BodyLines,
  extra: { department?: string; network?: string } = {},
): TemplateSection => ({ kind, content, body, ...extra }) as TemplateSection
