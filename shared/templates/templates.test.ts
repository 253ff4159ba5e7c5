import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkPlanHealth } from '../health/check'
import { buildPlanModel } from '../plan-model/model'
import { SECTION_CONTENT } from '../plan-model/schema'
import { newPlanSections } from '../plans/catalog'
import { EXAMPLE_TEMPLATES, TEMPLATE_SUMMARIES, findTemplate } from './catalog'
import { planSections, writePlannedSection } from './instantiate'

const DEPARTMENTS = ['Marketing', 'Customer service', 'Sales', 'Human resources'].map((name, i) => ({
  id: `dept-${i}`,
  name,
}))

let next = 0
const newId = () => `id-${++next}`

/** A plan made from a template as the server makes it: every section's document written, then read back. */
function planFrom(templateId: string, departments = DEPARTMENTS) {
  const planned = planSections(findTemplate(templateId) ?? null, departments, newId)
  const sections = planned.map((s) => {
    const doc = new Y.Doc()
    writePlannedSection(doc, s)
    return { meta: { id: s.id, kind: s.kind, title: s.title, ownerDepartmentId: s.ownerDepartmentId }, doc }
  })
  return { planned, model: buildPlanModel({ plan: { id: 'p', title: templateId }, departments, sections }) }
}

describe('templates', () => {
  it('lists blank and at least two example plans', () => {
    expect(TEMPLATE_SUMMARIES.map((t) => t.id)).toContain('blank')
    expect(EXAMPLE_TEMPLATES.length).toBeGreaterThanOrEqual(2)
    for (const t of TEMPLATE_SUMMARIES) expect(t.description).toMatch(/\.$/)
  })

  it('makes a blank plan of every section of the six steps, nothing written', () => {
    const { model, planned } = planFrom('blank')
    expect(planned.map((s) => s.kind)).toEqual(newPlanSections(DEPARTMENTS).map((s) => s.kind))
    for (const s of model.sections) {
      expect(s.bodyText).toBe('')
      expect(s.content).toEqual(SECTION_CONTENT[s.kind].parse({}))
    }
  })

  describe.each(EXAMPLE_TEMPLATES.map((t) => [t.id]))('%s', (id) => {
    it('writes every section: structured fields and rich text', () => {
      const { model } = planFrom(id)
      expect(model.sections.filter((s) => s.kind === 'network').length).toBeGreaterThanOrEqual(2)
      for (const s of model.sections) {
        expect(s.bodyText, s.title).not.toBe('')
        if (s.kind !== 'guidelines') expect(s.content, s.title).not.toEqual(SECTION_CONTENT[s.kind].parse({}))
        // What the documents hold reads back exactly as the plan model's schema says.
        expect(SECTION_CONTENT[s.kind].parse(s.content)).toEqual(s.content)
      }
    })

    it('has SMART objectives for each department and no error in its health check', () => {
      const { model } = planFrom(id)
      for (const s of model.sections.filter((x) => x.kind === 'objectives')) {
        if (s.kind !== 'objectives') continue
        expect(s.content.objectives.length, s.title).toBeGreaterThan(0)
      }
      const findings = checkPlanHealth(model)
      expect(findings.filter((f) => f.severity === 'error')).toEqual([])
      // Left to do in a fresh copy: only the departments' approvals.
      expect(findings.map((f) => f.rule)).toEqual(DEPARTMENTS.map(() => 'objectives-not-approved'))
    })

    it('links networks to their sections and objectives to networks', () => {
      const { model } = planFrom(id)
      const networkIds = model.sections.filter((s) => s.kind === 'network').map((s) => s.id)
      const selection = model.sections.find((s) => s.kind === 'network_selection')!
      if (selection.kind !== 'network_selection') throw new Error('no selection')
      expect(selection.content.chosen.map((c) => c.sectionId).sort()).toEqual([...networkIds].sort())
      const overview = model.sections.find((s) => s.kind === 'overview')!
      if (overview.kind !== 'overview') throw new Error('no overview')
      expect(overview.content.departmentIds).toEqual(DEPARTMENTS.map((d) => d.id))
    })

    it('leaves out a department the workspace does not have and starts its own blank', () => {
      const departments = [DEPARTMENTS[0]!, { id: 'dept-legal', name: 'Legal' }]
      const { model } = planFrom(id, departments)
      const objectives = model.sections.filter((s) => s.kind === 'objectives')
      expect(objectives.map((s) => s.ownerDepartmentId)).toEqual(['dept-0', 'dept-legal'])
      const overview = model.sections.find((s) => s.kind === 'overview')!
      if (overview.kind !== 'overview') throw new Error('no overview')
      expect(overview.content.departmentIds).toEqual(['dept-0'])
    })
  })
})
