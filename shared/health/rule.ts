import type { Finding, Severity } from './schema'
import type { PlanIndex } from './plan-index'

/** Where a rule found a problem; the check adds the rule's id and severity. */
export type Spot = Pick<Finding, 'sectionId' | 'path' | 'message'>

export interface HealthRule {
  id: string
  severity: Severity
  /** The seed advice the rule enforces, for the panel's "why" and the export. */
  source: string
  find(plan: PlanIndex): Spot[]
}

export const defineRule = (rule: HealthRule) => rule

/** A spot in a section, or in the plan at large when the section is missing. */
export const spot = (section: { id: string } | undefined, path: string[], message: string): Spot => ({
  sectionId: section?.id ?? null,
  path,
  message,
})
