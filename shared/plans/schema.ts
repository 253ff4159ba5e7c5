import { z } from 'zod'
import { LIMITS } from '../limits'
import { TemplateId } from '../templates/schema'
import { SectionKind } from './catalog'

export const PlanParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
})

export const SectionAbilities = z.object({ read: z.boolean(), edit: z.boolean(), comment: z.boolean() })

export const Section = z.object({
  id: z.string(),
  kind: SectionKind,
  title: z.string(),
  /** null for a shared section that any editor may edit. */
  ownerDepartmentId: z.string().nullable(),
  step: z.number(),
  abilities: SectionAbilities,
})
export type Section = z.infer<typeof Section>

export const PlanSummary = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When the plan was archived; null for an active plan. An archived plan is read-only to everyone. */
  archivedAt: z.number().nullable(),
})
export type PlanSummary = z.infer<typeof PlanSummary>
export const PlanList = z.object({ plans: z.array(PlanSummary) })

export const Plan = PlanSummary.extend({ sections: z.array(Section) })
export type Plan = z.infer<typeof Plan>

export const PlanTitle = z.string().trim().min(1, 'Give the plan a title.').max(LIMITS.planTitleLength)

export const CreatePlanBody = z.object({
  title: PlanTitle,
  /** A built-in template or one of the workspace's own (`GET /api/workspaces/:id/templates`); default `blank`. */
  templateId: TemplateId.optional(),
})
export type CreatePlanBody = z.infer<typeof CreatePlanBody>

/** `PATCH /api/plans/:id` renames; `POST /api/plans/:id/duplicate` names the copy. */
export const PlanTitleBody = z.object({ title: PlanTitle })
export type PlanTitleBody = z.infer<typeof PlanTitleBody>

/** `GET /api/workspaces/:id/plans`: the active plans, or with `archived=true` the archived ones. */
export const PlanListQuery = z.object({ archived: z.enum(['true', 'false']).optional() })

export const SectionParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
})

/** A social network the plan will be on: it gets a section of its own (docs/product.md#what-a-plan-holds, step 4). */
export const AddNetworkBody = z.object({
  name: z.string().trim().min(1, 'Name the network.').max(LIMITS.networkNameLength),
  /**
   * The department that owns the network's section; defaults to Marketing where there is one (for an
   * editor outside Marketing, their own department). Ignored when an archived network comes back: it
   * keeps its owner.
   */
  ownerDepartmentId: z.string().min(1).max(64).nullable().optional(),
})
export type AddNetworkBody = z.infer<typeof AddNetworkBody>
