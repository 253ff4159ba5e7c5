import type { PlanModel } from '../plan-model/model'
import { SECTION_CATALOG } from '../plans/catalog'
import { PlanIndex } from './plan-index'
import type { HealthRule } from './rule'
import { competitorIdeaUnlinked } from './rules/competition'
import { noCrisisManual } from './rules/conversation'
import {
  networkGoalUnlinked,
  networkKpiIncomplete,
  networkWithoutCalendar,
  networkWithoutEditorialLine,
  networkWithoutGoals,
  networkWithoutInteractionRule,
  networkWithoutKpis,
  networkWithoutRole,
} from './rules/networks'
import {
  departmentWithoutObjectives,
  objectiveNoDeadline,
  objectiveNoOwner,
  objectiveNotMeasurable,
  objectivesNotApproved,
} from './rules/objectives'
import { guidelinesEmpty, processWithoutOwner } from './rules/process'
import { networkCapacityUnknown, networkWithoutReason, noNetworkChosen, tooManyNetworks } from './rules/selection'
import type { Finding, Severity } from './schema'

/** Every rule, in the order of the seed's steps (docs/product.md#the-plan-health-check). */
export const HEALTH_RULES: readonly HealthRule[] = [
  departmentWithoutObjectives,
  objectiveNotMeasurable,
  objectiveNoDeadline,
  objectiveNoOwner,
  objectivesNotApproved,
  competitorIdeaUnlinked,
  noNetworkChosen,
  networkWithoutReason,
  tooManyNetworks,
  networkCapacityUnknown,
  networkWithoutGoals,
  networkGoalUnlinked,
  networkWithoutKpis,
  networkKpiIncomplete,
  networkWithoutEditorialLine,
  networkWithoutInteractionRule,
  networkWithoutCalendar,
  networkWithoutRole,
  noCrisisManual,
  processWithoutOwner,
  guidelinesEmpty,
]

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * The plan health check (docs/product.md#the-plan-health-check): what the seeds' advice says is wrong with the plan.
 * Pure — the live panel and `GET /api/plans/:id/health` run this same function — and the model it reads is valid by
 * construction (plan-model/read.ts). Findings come by severity, then in the order of the six steps ("health from
 * zero" in docs/product.md: what is missing first); a finding of a section the plan lacks altogether leads its severity.
 */
export function checkPlanHealth(model: PlanModel): Finding[] {
  const plan = new PlanIndex(model)
  const findings = HEALTH_RULES.flatMap((rule) =>
    rule.find(plan).map((s) => ({ rule: rule.id, severity: rule.severity, ...s })),
  )
  const place = new Map(model.sections.map((s, i) => [s.id, { step: SECTION_CATALOG[s.kind].step, index: i }]))
  const rank = (f: Finding) => place.get(f.sectionId ?? '') ?? { step: 0, index: -1 }
  // Array.prototype.sort is stable: inside one section, findings keep the rules' order.
  return findings.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)]
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || ra.step - rb.step || ra.index - rb.index
  })
}
