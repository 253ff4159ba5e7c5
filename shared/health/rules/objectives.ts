import { ApprovalState } from '../../plan-model/schema'
import { filled, quote } from '../plan-index'
import { defineRule, spot } from '../rule'

const SMART = 'Step 1: "Your goals must be clear, specific, measurable and realistic."'
const name = (statement: string) => `Objective ${quote(statement, 'without a statement')}`

/** Step 1: a goal that is not measurable (no metric or no target) cannot be checked or reached. */
export const objectiveNotMeasurable = defineRule({
  id: 'objective-not-measurable',
  severity: 'error',
  source: SMART,
  find: (plan) =>
    [...plan.objectives.values()].flatMap(({ objective: o, section }) => {
      const missing = [filled(o.metric) ? null : 'metric', o.target === null ? 'target' : null].filter(
        (f) => f !== null,
      )
      if (missing.length === 0) return []
      return [
        spot(
          section,
          ['objectives', o.id, missing[0]!],
          `${name(o.statement)} has no ${missing.join(' and no ')}, so it cannot be measured.`,
        ),
      ]
    }),
})

/** Step 1 (SMART): a goal without a deadline is never late, and never done. */
export const objectiveNoDeadline = defineRule({
  id: 'objective-no-deadline',
  severity: 'warning',
  source: SMART,
  find: (plan) =>
    [...plan.objectives.values()]
      .filter(({ objective: o }) => o.deadline === null)
      .map(({ objective: o, section }) =>
        spot(section, ['objectives', o.id, 'deadline'], `${name(o.statement)} has no deadline.`),
      ),
})

/** Step 1, and step 5 "by whom": every objective needs someone answerable for it. */
export const objectiveNoOwner = defineRule({
  id: 'objective-no-owner',
  severity: 'warning',
  source: 'Step 1: realistic goals; step 5: "when and by whom"',
  find: (plan) =>
    [...plan.objectives.values()]
      .filter(({ objective: o }) => !filled(o.owner))
      .map(({ objective: o, section }) =>
        spot(section, ['objectives', o.id, 'owner'], `${name(o.statement)} has no owner.`),
      ),
})

/** Step 1: each department concerned has goals of its own ("the goals of each do not match the objectives of the other"). */
export const departmentWithoutObjectives = defineRule({
  id: 'department-without-objectives',
  severity: 'warning',
  source:
    'Step 1: define which departments are concerned, because the goals of each do not match the objectives of the other',
  find: (plan) => {
    const concerned = new Set(plan.first('overview')?.content.departmentIds ?? [])
    return plan
      .of('objectives')
      .filter(
        (s) => s.ownerDepartmentId !== null && concerned.has(s.ownerDepartmentId) && s.content.objectives.length === 0,
      )
      .map((s) =>
        spot(
          s,
          ['objectives'],
          `${plan.departmentName(s.ownerDepartmentId)} is concerned (Overview) but has no objectives yet.`,
        ),
      )
  },
})

const STATE_WORDS: Record<ApprovalState, string> = {
  draft: 'still a draft',
  submitted: 'waiting for approval',
  approved: 'approved',
  changes_requested: 'sent back with changes requested',
  stale: 'changed since they were approved',
}

/**
 * docs/product.md#comments-and-approvals: each department's lead approves that department's objectives (step 1: the
 * goals are the department's own).
 */
export const objectivesNotApproved = defineRule({
  id: 'objectives-not-approved',
  severity: 'warning',
  source: "Step 1: each department's goals are its own; its lead approves them",
  find: (plan) =>
    plan.of('objectives').flatMap((s) => {
      if (s.ownerDepartmentId === null) return []
      const state = plan.model.approvals?.[s.ownerDepartmentId] ?? ApprovalState.enum.draft
      if (state === 'approved') return []
      return [
        spot(
          s,
          [],
          `${plan.departmentName(s.ownerDepartmentId)}'s objectives are ${STATE_WORDS[state]}, not approved by the department's lead.`,
        ),
      ]
    }),
})
