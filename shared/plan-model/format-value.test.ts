import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { type ValueWords, formatValue } from './format-value'
import { objectAt, shapeOf } from './schema-shape'
import { KIND_UI } from './ui-spec'

const words: ValueWords = {
  person: (ref) => (ref === 'user-ana' ? 'Ana Lopez' : ref),
  linked: (source, id) => `${source}:${id}`,
  date: (iso) => `day ${iso}`,
  number: (n) => n.toFixed(1),
}
const objective = objectAt('objectives', ['objectives', ''])
const field = (key: string) => {
  const ui = KIND_UI.objectives!.lists.objectives!.fields[key]!
  return (raw: unknown, unit = '') => formatValue(shapeOf(objective.shape[key] as z.ZodType), ui, raw, unit, words)
}

describe('formatValue', () => {
  it('writes each kind of field in words', () => {
    expect(field('target')(5000, 'people')).toBe('5000.0 people')
    expect(field('deadline')('2027-12-31')).toBe('day 2027-12-31')
    expect(field('owner')('user-ana')).toBe('Ana Lopez')
    expect(field('owner')('Someone outside')).toBe('Someone outside')
    expect(field('networkIds')(['sec-a', 'sec-b'])).toBe('networks:sec-a, networks:sec-b')
    expect(field('statement')('  Grow  ')).toBe('Grow')
  })

  it('labels enum values and booleans, and says nothing of what is not there', () => {
    expect(
      formatValue({ type: 'enum', options: ['in_progress'], nullable: true }, { label: '' }, 'in_progress', '', words),
    ).toBe('In progress')
    expect(formatValue({ type: 'boolean' }, { label: '' }, false, '', words)).toBe('No')
    expect(
      formatValue(
        { type: 'number', nullable: true, min: 0, max: 100, int: true },
        { label: '', widget: 'share' },
        40,
        '',
        words,
      ),
    ).toBe('40.0% value, 60.0% promotional')
    for (const raw of [null, undefined, '']) expect(field('target')(raw)).toBe('')
    expect(field('networkIds')([])).toBe('')
  })
})
