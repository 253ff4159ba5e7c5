import { z } from 'zod'

export const Severity = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof Severity>

/** One thing the health check found wrong, and where to fix it. */
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  message: z.string(),
  /** The section to open; null when the plan lacks the section altogether. */
  sectionId: z.string().nullable(),
  /** Field names and item ids inside the section's content (plan-model/ydoc.ts), e.g. ['objectives', 'k3j2', 'target']. */
  path: z.array(z.string()),
})
export type Finding = z.infer<typeof Finding>

/** `GET /api/plans/:id/health` (docs/product.md#interfaces-integrators-rely-on). */
export const HealthReport = z.object({ findings: z.array(Finding) })
export type HealthReport = z.infer<typeof HealthReport>
