import { describe, expect, it } from 'vitest'
import type { Finding } from '../../shared/health/schema'
import { SECTION_CATALOG } from '../../shared/plans/catalog'
import type { Section } from '../../shared/plans/schema'
import { findingsOf, hasContent, planProgress } from './plan-progress'

const section = (id: string, kind: Section['kind']): Section => ({
  id,
  kind,
  title: id,
  ownerDepartmentId: null,
  step: SECTION_CATALOG[kind].step,
  abilities: { read: true, edit: true, comment: true },
})
const finding = (sectionId: string, severity: Finding['severity']): Finding => ({
  rule: 'r',
  severity,
  message: 'm',
  sectionId,
  path: [],
})

describe('plan progress', () => {
  it('counts a section written when it has rich text or any structured value', () => {
    expect(
      hasContent({
        bodyText: '',
        content: { businessAims: '  ', departmentIds: [], audience: '', whySocial: '' },
      }),
    ).toBe(false)
    expect(hasContent({ bodyText: 'Hello', content: {} })).toBe(true)
    expect(hasContent({ bodyText: '', content: { networkCapacity: 0 } } as never)).toBe(true)
    expect(hasContent({ bodyText: '', content: { objectives: [{ id: 'a' }] } } as never)).toBe(true)
  })

  it('marks a step done only when every section is written and none has an error', () => {
    const sections = [
      section('ov', 'overview'),
      section('obj', 'objectives'),
      section('comp', 'competition'),
      section('sel', 'network_selection'),
      section('conv', 'line_of_conversation'),
    ]
    const written = new Set(['ov', 'obj', 'comp', 'sel', 'conv'])
    const steps = planProgress(sections, (id) => written.has(id), [finding('obj', 'warning'), finding('comp', 'error')])
    expect(steps.map((s) => s.state)).toEqual(['done', 'started', 'todo', 'started', 'todo', 'todo'])
    expect(steps[0]).toMatchObject({ warnings: 1, errors: 0, missing: null })
    expect(steps[1]).toMatchObject({ errors: 1, missing: '1 error to fix' })
    // Step 4 needs a network too.
    expect(steps[3]!.missing).toBe('no network added yet')
  })

  it('reads the health report as the cache holds it: a list of findings or the report itself', () => {
    const f = [finding('a', 'error')]
    expect(findingsOf(f)).toBe(f)
    expect(findingsOf({ findings: f })).toBe(f)
    expect(findingsOf(undefined)).toEqual([])
  })
})
