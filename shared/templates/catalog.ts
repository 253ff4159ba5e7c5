import { B2B_SOFTWARE } from './b2b-software'
import { OUTDOOR_SHOP } from './outdoor-shop'
import { BLANK_TEMPLATE_ID, type PlanTemplate, type TemplateSummary } from './schema'

/** The example plans a new plan can start from; `blank` is every section, nothing written. */
export const EXAMPLE_TEMPLATES: readonly PlanTemplate[] = [OUTDOOR_SHOP, B2B_SOFTWARE]

export const BLANK_TEMPLATE: TemplateSummary = {
  id: BLANK_TEMPLATE_ID,
  name: 'Blank plan',
  description: 'Every section of the six steps, nothing written yet.',
}

export const TEMPLATE_SUMMARIES: readonly TemplateSummary[] = [
  BLANK_TEMPLATE,
  ...EXAMPLE_TEMPLATES.map(({ id, name, description }) => ({ id, name, description })),
]

/** The template to fill a new plan from: null for blank, undefined when there is no such template. */
export function findTemplate(id: string): PlanTemplate | null | undefined {
  if (id === BLANK_TEMPLATE_ID) return null
  return EXAMPLE_TEMPLATES.find((t) => t.id === id)
}
