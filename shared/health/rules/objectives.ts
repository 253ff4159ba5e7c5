import { ApprovalState } from '../../plan-model/schema'
import type { Objective } from '../../plan-model/schema'
import type { PlanIndex } from '../plan-index'
import { filled, quote } from '../plan-index'
import { defineRule, spot } from '../rule'

const SMART = 'Step 1: "Your goals must be clear, specific, measurable and realistic."'
const name = (statement: string) => `Objective ${quote(statement, 'without a statement')}`

/** What an objective still lacks of SMART, in the order the form asks for it. */
function gaps(o: Objective): ('metric' | 'target' | 'deadline' | 'owner')[] {
  const out: ('metric' | 'target' | 'deadline' | 'owner')[] = []
  if (!filled(o.metric)) out.push('metric')
  if (o.target === null) out.push('target')
  if (o.deadline === null) out.push('deadline')
  if (!filled(o.owner)) out.push('owner')
  return out
}

export const objectiveComplete = (o: Objective) => gaps(o).length === 0

const listed = (words: string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`

/**
 * One finding per objective, naming everything it lacks, so that a half-written objective never
 * reads worse than none (docs/product.md#health-from-zero). The rule that fires is the gravest gap's:
 * no metric or no target (not measurable) before no deadline before no owner.
 */
function objectiveGap(first: 'measurable' | 'deadline' | 'owner') {
  return (plan: PlanIndex) =>
    [...plan.objectives.values()].flatMap(({ objective: o, section }) => {
      const missing = gaps(o)
      if (missing.length === 0) return []
      const measurable = !missing.includes('metric') && !missing.includes('target')
      const grave = !measurable ? 'measurable' : missing[0] === 'deadline' ? 'deadline' : 'owner'
      if (grave !== first) return []
      const why = measurable ? '' : ', so it cannot be measured'
      return [spot(section, ['objectives', o.id, missing[0]!], `${name(o.statement)} has no ${listed(missing)}${why}.`)]
    })
}

/** Step 1: a goal that is not measurable (no metric or no target) cannot be checked or reached. */
export const objectiveNotMeasurable = defineRule({
  id: 'objective-not-measurable',
  severity: 'error',
  source: SMART,
  find: objectiveGap('measurable'),
})

/** Step 1 (SMART): a goal without a deadline is never late, and never done. */
export const objectiveNoDeadline = defineRule({
  id: 'objective-no-deadline',
  severity: 'warning',
  source: SMART,
  find: objectiveGap('deadline'),
})

/** Step 1, and step 5 "by whom": every objective needs someone answerable for it. */
export const objectiveNoOwner = defineRule({
  id: 'objective-no-owner',
  severity: 'warning',
  source: 'Step 1: realistic goals; step 5: "when and by whom"',
  find: objectiveGap('owner'),
})

/** Step 1: each department concerned has goals of its own ("the goals of each do not match the objectives of the other"). */
export const departmentWithoutObjectives = defineRule({
  id: 'department-without-objectives',
  severity: 'error',
  source:
    'Step 1: define which departments are concerned, because the goals of each do not match the objectives of the other',
  find: (plan) => {
    // Until the Overview names the departments concerned, every department is.
    const named = plan.first('overview')?.content.departmentIds ?? []
    const concerned = (id: string) => named.length === 0 || named.includes(id)
    return plan
      .of('objectives')
      .filter(
        (s) => s.ownerDepartmentId !== null && concerned(s.ownerDepartmentId) && s.content.objectives.length === 0,
      )
      .map((s) =>
        spot(
          s,
          ['objectives'],
          `${plan.departmentName(s.ownerDepartmentId)} has no objectives yet: write at least one, with a metric, a target and a deadline.`,
        ),
      )
  },
})

const STATE_WORDS: Record<ApprovalState, string> = {
  draft: 'still a draft',
  submitted: 'waiting for approval',
  approved: 'approved',
  changes_requested: 'sent back with changes requested',
  stale: 'changed since their approval',
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
      // Nothing to approve yet: the objectives themselves come first (their own findings say what is missing).
      const objectives = s.content.objectives
      if (state === 'draft' && (objectives.length === 0 || !objectives.every(objectiveComplete))) return []
      const department = plan.departmentName(s.ownerDepartmentId)
      return [
        spot(
          s,
          [],
          `The objectives of ${department} are ${STATE_WORDS[state]}; the department's lead has not approved them.`,
        ),
      ]
    }),
})
