import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkPlanHealth } from '../health/check'
import { buildPlanModel } from '../plan-model/model'
import { findTemplate } from './catalog'
import { type PlannedSection, planSections, readSectionFill, writePlannedSection } from './instantiate'
import { TemplateData, savedTemplatePlan } from './saved'

const DEPARTMENTS = ['Marketing', 'Customer service', 'Sales', 'Human resources'].map((name, i) => ({
  id: `dept-${i}`,
  name,
}))
let next = 0
const newId = () => `id-${++next}`

/** Each section's document as the server keeps it. */
const docsOf = (planned: readonly PlannedSection[]) =>
  planned.map((s) => {
    const doc = new Y.Doc()
    writePlannedSection(doc, s)
    return { meta: { id: s.id, kind: s.kind, title: s.title, ownerDepartmentId: s.ownerDepartmentId }, doc }
  })

/** A plan made from the outdoor-gear example, saved the way `save-plan-as-template` saves it. */
function savedExample() {
  const sections = docsOf(planSections(findTemplate('outdoor-gear-shop')!, DEPARTMENTS, newId))
  const data = TemplateData.parse({
    departments: DEPARTMENTS,
    sections: sections.map(({ meta, doc }) => ({ ...meta, ...readSectionFill(doc, meta.kind) })),
  })
  return { sections, data }
}
const summary = { id: 'saved', name: 'Ours', description: 'Saved.' }

describe('a workspace template', () => {
  it('gives a new plan every section as it was saved, links pointing at its own sections', () => {
    const { sections, data } = savedExample()
    const planned = planSections(savedTemplatePlan(summary, data, DEPARTMENTS), DEPARTMENTS, newId)
    const made = docsOf(planned)
    expect(made.map((s) => [s.meta.kind, s.meta.title, s.meta.ownerDepartmentId])).toEqual(
      sections.map((s) => [s.meta.kind, s.meta.title, s.meta.ownerDepartmentId]),
    )
    for (const [i, s] of made.entries()) {
      const was = sections[i]!
      expect(s.doc.getXmlFragment('body').toJSON(), s.meta.title).toBe(was.doc.getXmlFragment('body').toJSON())
    }
    const model = buildPlanModel({ plan: { id: 'p', title: 'Made' }, departments: DEPARTMENTS, sections: made })
    const networks = made.filter((s) => s.meta.kind === 'network').map((s) => s.meta.id)
    const selection = model.sections.find((s) => s.kind === 'network_selection')!
    if (selection.kind !== 'network_selection') throw new Error('no selection')
    expect(selection.content.chosen.map((c) => c.sectionId).sort()).toEqual([...networks].sort())
    expect(checkPlanHealth(model).filter((f) => f.severity === 'error')).toEqual([])
  })

  it('follows a department renamed since, and leaves out one deleted since', () => {
    const { data } = savedExample()
    const now = [{ id: 'dept-0', name: 'Brand & marketing' }, DEPARTMENTS[1]!, DEPARTMENTS[2]!]
    const planned = planSections(savedTemplatePlan(summary, data, now), now, newId)
    const objectives = planned.filter((s) => s.kind === 'objectives')
    expect(objectives.map((s) => [s.title, s.fill !== null])).toEqual([
      ['Objectives — Brand & marketing', true],
      ['Objectives — Customer service', true],
      ['Objectives — Sales', true],
    ])
    const overview = planned.find((s) => s.kind === 'overview')!
    expect((overview.fill!.content as { departmentIds: string[] }).departmentIds).toEqual([
      'dept-0',
      'dept-1',
      'dept-2',
    ])
  })

  it('refuses content the plan model does not accept', () => {
    const { data } = savedExample()
    const overview = data.sections.find((s) => s.kind === 'overview')!
    const bad = { ...data, sections: [{ ...overview, content: { ...overview.content, businessAims: 42 } }] }
    expect(TemplateData.safeParse(bad).success).toBe(false)
    const badBody = { ...data, sections: [{ ...overview, body: { type: 'doc', content: [{ type: 'script' }] } }] }
    expect(TemplateData.safeParse(badBody).success).toBe(false)
  })
})
