import { describe, expect, it } from 'vitest'
import { DEPARTMENTS, edit, healthyPlan, networkSection, objective, section } from '../plan-model/fixtures'
import { SECTION_CATALOG, newPlanSections } from '../plans/catalog'
import type { PlanModel } from '../plan-model/model'
import { HEALTH_RULES, checkPlanHealth } from './check'
import { Finding } from './schema'

interface Case {
  rule: string
  /** Break the healthy plan so that exactly this rule has something to say. */
  breakIt: (plan: PlanModel) => void
  sectionId: string | null
  path: string[]
}

const CASES: Case[] = [
  {
    rule: 'objective-not-measurable',
    breakIt: (p) => edit(p, 'objectives', (c) => (c.objectives[0]!.target = null)),
    sectionId: 'sec-obj-marketing',
    path: ['objectives', 'obj-followers', 'target'],
  },
  {
    rule: 'objective-not-measurable',
    breakIt: (p) => edit(p, 'objectives', (c) => (c.objectives[0]!.metric = '  ')),
    sectionId: 'sec-obj-marketing',
    path: ['objectives', 'obj-followers', 'metric'],
  },
  {
    rule: 'objective-no-deadline',
    breakIt: (p) => edit(p, 'objectives', (c) => (c.objectives[0]!.deadline = null), 1),
    sectionId: 'sec-obj-sales',
    path: ['objectives', 'obj-leads', 'deadline'],
  },
  {
    rule: 'objective-no-owner',
    breakIt: (p) => edit(p, 'objectives', (c) => (c.objectives[0]!.owner = '')),
    sectionId: 'sec-obj-marketing',
    path: ['objectives', 'obj-followers', 'owner'],
  },
  {
    rule: 'department-without-objectives',
    breakIt: (p) => edit(p, 'objectives', (c) => (c.objectives = []), 1),
    sectionId: 'sec-obj-sales',
    path: ['objectives'],
  },
  {
    rule: 'objectives-not-approved',
    breakIt: (p) => (p.approvals = { [DEPARTMENTS[0].id]: 'approved', [DEPARTMENTS[1].id]: 'stale' }),
    sectionId: 'sec-obj-sales',
    path: [],
  },
  {
    rule: 'competitor-idea-unlinked',
    breakIt: (p) => edit(p, 'competition', (c) => (c.competitors[0]!.ideas[0]!.objectiveId = null)),
    sectionId: 'sec-competition',
    path: ['competitors', 'comp-1', 'ideas', 'idea-1', 'objectiveId'],
  },
  {
    rule: 'competitor-idea-unlinked',
    breakIt: (p) => edit(p, 'competition', (c) => (c.competitors[0]!.ideas[0]!.objectiveId = 'obj-deleted')),
    sectionId: 'sec-competition',
    path: ['competitors', 'comp-1', 'ideas', 'idea-1', 'objectiveId'],
  },
  {
    rule: 'no-network-chosen',
    breakIt: (p) => {
      p.sections = p.sections.filter((s) => s.kind !== 'network')
      edit(p, 'network_selection', (c) => (c.chosen = []))
    },
    sectionId: 'sec-selection',
    path: ['chosen'],
  },
  {
    rule: 'network-without-reason',
    breakIt: (p) => edit(p, 'network_selection', (c) => (c.chosen[0]!.why = '')),
    sectionId: 'sec-selection',
    path: ['chosen', 'ch-ig', 'why'],
  },
  {
    rule: 'network-without-reason',
    // A network with a section but no entry in Network selection: chosen all the same, without a word
    // on why; its row in the selection is keyed by its section.
    breakIt: (p) => edit(p, 'network_selection', (c) => (c.chosen = [])),
    sectionId: 'sec-selection',
    path: ['chosen', 'sec-instagram', 'why'],
  },
  {
    rule: 'too-many-networks',
    breakIt: (p) => edit(p, 'process', (c) => (c.networkCapacity = 0)),
    sectionId: 'sec-selection',
    path: ['chosen'],
  },
  {
    rule: 'network-capacity-unknown',
    breakIt: (p) => edit(p, 'process', (c) => (c.networkCapacity = null)),
    sectionId: 'sec-process',
    path: ['networkCapacity'],
  },
  {
    rule: 'network-without-goals',
    breakIt: (p) => edit(p, 'network', (c) => (c.goals = [])),
    sectionId: 'sec-instagram',
    path: ['goals'],
  },
  {
    rule: 'network-goal-unlinked',
    breakIt: (p) => edit(p, 'network', (c) => (c.goals[0]!.objectiveIds = [])),
    sectionId: 'sec-instagram',
    path: ['goals', 'sec-instagram-goal', 'objectiveIds'],
  },
  {
    rule: 'network-goal-unlinked',
    breakIt: (p) => edit(p, 'objectives', (c) => (c.objectives[0]!.id = 'obj-renamed')),
    sectionId: 'sec-instagram',
    path: ['goals', 'sec-instagram-goal', 'objectiveIds'],
  },
  {
    rule: 'network-without-kpis',
    breakIt: (p) => edit(p, 'network', (c) => (c.kpis = [])),
    sectionId: 'sec-instagram',
    path: ['kpis'],
  },
  {
    rule: 'network-kpi-incomplete',
    breakIt: (p) => edit(p, 'network', (c) => (c.kpis[0]!.target = null)),
    sectionId: 'sec-instagram',
    path: ['kpis', 'sec-instagram-kpi', 'target'],
  },
  {
    rule: 'network-without-editorial-line',
    breakIt: (p) => edit(p, 'network', (c) => (c.valueShare = null)),
    sectionId: 'sec-instagram',
    path: ['valueShare'],
  },
  {
    rule: 'network-without-interaction-rule',
    breakIt: (p) =>
      edit(
        p,
        'network',
        (c) => (c.interaction = [{ id: 'blank', rule: '', responseTimeHours: null, hours: ' ', who: '' }]),
      ),
    sectionId: 'sec-instagram',
    path: ['interaction'],
  },
  {
    rule: 'network-without-calendar',
    breakIt: (p) => edit(p, 'network', (c) => (c.calendar[0]!.date = null)),
    sectionId: 'sec-instagram',
    path: ['calendar'],
  },
  {
    rule: 'network-without-role',
    breakIt: (p) => edit(p, 'network', (c) => (c.role = null)),
    sectionId: 'sec-instagram',
    path: ['role'],
  },
  {
    rule: 'no-crisis-manual',
    breakIt: (p) => edit(p, 'line_of_conversation', (c) => (c.crisisManual = [])),
    sectionId: 'sec-conversation',
    path: ['crisisManual'],
  },
  {
    rule: 'process-without-owner',
    breakIt: (p) => edit(p, 'process', (c) => (c.lead = '')),
    sectionId: 'sec-process',
    path: ['lead'],
  },
  {
    rule: 'guidelines-empty',
    breakIt: (p) => edit(p, 'guidelines', (_c, s) => (s.bodyText = '')),
    sectionId: 'sec-guidelines',
    path: [],
  },
]

const ofRule = (plan: PlanModel, rule: string) => checkPlanHealth(plan).filter((f) => f.rule === rule)

describe('plan health check', () => {
  it('has nothing to say about a healthy plan', () => {
    expect(checkPlanHealth(healthyPlan())).toEqual([])
  })

  it('has a breaking case for every rule, and every rule cites the seed advice it enforces', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(HEALTH_RULES.map((r) => r.id)))
    for (const rule of HEALTH_RULES) expect(rule.source).toMatch(/Step \d|Mistake \d|Key "/)
  })

  describe.each(CASES)('$rule ($path)', ({ rule, breakIt, sectionId, path }) => {
    it('stays quiet on a plan that keeps the rule', () => {
      expect(ofRule(healthyPlan(), rule)).toEqual([])
    })

    it('points at the field of a plan that breaks it', () => {
      const plan = healthyPlan()
      breakIt(plan)
      const findings = ofRule(plan, rule)
      expect(findings).toHaveLength(1)
      const [finding] = findings
      expect(Finding.parse(finding)).toEqual(finding)
      expect(finding).toMatchObject({
        rule,
        sectionId,
        path,
        severity: HEALTH_RULES.find((r) => r.id === rule)!.severity,
      })
      expect(finding!.message).toMatch(/\w.*\.$/)
    })
  })

  it('reads every department as draft when the plan has no approvals yet', () => {
    const plan = healthyPlan()
    delete plan.approvals
    expect(ofRule(plan, 'objectives-not-approved').map((f) => f.sectionId)).toEqual([
      'sec-obj-marketing',
      'sec-obj-sales',
    ])
    expect(ofRule(plan, 'objectives-not-approved')[0]!.message).toContain('draft')
  })

  it('counts networks from sections and from Network selection against the team capacity', () => {
    const plan = healthyPlan()
    plan.sections.push(networkSection('sec-tiktok', 'TikTok', 'obj-leads'))
    edit(plan, 'network_selection', (c) =>
      c.chosen.push(
        { id: 'ch-tt', name: 'tiktok', why: 'Young bakers', sectionId: null },
        { id: 'ch-li', name: 'LinkedIn', why: 'Hiring', sectionId: null },
      ),
    )
    expect(ofRule(plan, 'network-without-reason')).toEqual([])
    expect(ofRule(plan, 'too-many-networks')[0]!.message).toContain('3 networks but the team can staff 2')
  })

  it('does not count an idea marked "not for us" as adopted', () => {
    const plan = healthyPlan()
    edit(plan, 'competition', (c) => Object.assign(c.competitors[0]!.ideas[0]!, { objectiveId: null, notForUs: true }))
    expect(ofRule(plan, 'competitor-idea-unlinked')).toEqual([])
  })

  it('reports a missing section with no section id first, then findings by severity and in the six steps', () => {
    const plan = healthyPlan()
    plan.sections = plan.sections.filter((s) => s.kind !== 'line_of_conversation')
    edit(plan, 'network', (c) => Object.assign(c, { goals: [], kpis: [] }))
    edit(plan, 'process', (c) => (c.lead = ''))
    const findings = checkPlanHealth(plan)
    expect(findings[0]).toMatchObject({ rule: 'no-crisis-manual', sectionId: null })
    const order = ['error', 'warning', 'info']
    const severities = findings.map((f) => order.indexOf(f.severity))
    expect(severities).toEqual([...severities].sort((a, b) => a - b))
    const errors = findings.filter((f) => f.severity === 'error').map((f) => f.rule)
    expect(errors).toEqual(['no-crisis-manual', 'network-without-goals', 'process-without-owner'])
  })
})

const FOUR = [
  { id: 'd-mkt', name: 'Marketing' },
  { id: 'd-cs', name: 'Customer service' },
  { id: 'd-sales', name: 'Sales' },
  { id: 'd-hr', name: 'Human resources' },
]

/** A plan as `POST /api/workspaces/:id/plans` makes it: every section, nothing written. */
function blankPlan(): PlanModel {
  return {
    plan: { id: 'plan-blank', title: 'Blank' },
    departments: FOUR,
    sections: newPlanSections(FOUR).map((b, i) =>
      section(b.kind, `sec-${i}-${b.kind}`, undefined, { title: b.title, ownerDepartmentId: b.ownerDepartmentId }),
    ),
  }
}

const stepOf = (plan: PlanModel, f: Finding) => {
  const s = plan.sections.find((x) => x.id === f.sectionId)
  return s ? SECTION_CATALOG[s.kind].step : 0
}

describe('health from zero', () => {
  it('tells a blank plan what is missing first: objectives per department, then a network, nothing on approvals', () => {
    const plan = blankPlan()
    const findings = checkPlanHealth(plan)
    expect(findings.slice(0, 5).map((f) => f.rule)).toEqual([
      ...FOUR.map(() => 'department-without-objectives'),
      'no-network-chosen',
    ])
    findings.slice(0, 4).forEach((f, i) => expect(f.message).toContain(FOUR[i]!.name))
    expect(findings.map((f) => f.rule)).not.toContain('objectives-not-approved')
    // Severity first, then the six steps.
    const key = (f: Finding) => ['error', 'warning', 'info'].indexOf(f.severity) * 10 + stepOf(plan, f)
    expect(findings.map(key)).toEqual(findings.map(key).sort((a, b) => a - b))
  })

  it('never reads worse after one objective is added, however empty it is', () => {
    const plan = blankPlan()
    const before = checkPlanHealth(plan)
    const empty = { ...objective('o-1', ''), metric: '', target: null, deadline: null, owner: '' }
    edit(plan, 'objectives', (c) => c.objectives.push(empty))
    const after = checkPlanHealth(plan)
    expect(after.length).toBeLessThanOrEqual(before.length)
    const about = after.filter((f) => f.path[1] === 'o-1')
    expect(about).toHaveLength(1)
    expect(about[0]!.message).toBe(
      'Objective without a statement has no metric, target, deadline or owner, so it cannot be measured.',
    )
  })

  it('reports a measurable objective that lacks a deadline and an owner once, as a warning', () => {
    const plan = blankPlan()
    edit(plan, 'objectives', (c) => c.objectives.push({ ...objective('o-1', 'Grow'), deadline: null, owner: '' }))
    const about = checkPlanHealth(plan).filter((f) => f.path[1] === 'o-1')
    expect(about).toMatchObject([{ rule: 'objective-no-deadline', severity: 'warning' }])
    expect(about[0]!.message).toBe('Objective “Grow” has no deadline or owner.')
  })

  it('asks for approval once a department’s objectives are complete', () => {
    const plan = blankPlan()
    edit(plan, 'objectives', (c) => c.objectives.push(objective('o-1', 'Grow')))
    const approvals = checkPlanHealth(plan).filter((f) => f.rule === 'objectives-not-approved')
    expect(approvals.map((f) => f.message)).toEqual([
      "The objectives of Marketing are still a draft; the department's lead has not approved them.",
    ])
  })
})
