import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { SECTION_CONTENT } from './schema'
import { SECTION_KINDS } from '../plans/catalog'
import { fieldsOf } from './schema-shape'
import { KIND_UI, type ListUi } from './ui-spec'

/** The schema is the truth: every field it defines is shown, and the UI names no field it lacks. */
describe('structured UI spec against the content schema', () => {
  const drawnElsewhere = new Set(['guidelines', 'indicators'])

  function check(
    where: string,
    object: z.ZodObject,
    ui: { fields: Record<string, unknown>; lists?: Record<string, ListUi> },
  ) {
    const schemaKeys = fieldsOf(object)
    const plain = schemaKeys.filter((f) => f.shape.type !== 'list').map((f) => f.key)
    const lists = schemaKeys.filter((f) => f.shape.type === 'list').map((f) => f.key)
    expect(Object.keys(ui.fields).sort(), `${where}: labelled fields`).toEqual(plain.sort())
    expect(Object.keys(ui.lists ?? {}).sort(), `${where}: lists`).toEqual(lists.sort())
    for (const f of schemaKeys) {
      if (f.shape.type === 'list') check(`${where}.${f.key}`, f.shape.spec.item, ui.lists![f.key]!)
      if (f.shape.type === 'link' || f.shape.type === 'links')
        expect(ui.fields[f.key], `${where}.${f.key} says what it links to`).toHaveProperty('options')
    }
  }

  it.each(SECTION_KINDS.filter((k) => !drawnElsewhere.has(k)))('%s', (kind) => {
    const ui = KIND_UI[kind]!
    expect(ui).toBeDefined()
    check(kind, SECTION_CONTENT[kind], ui)
    const placed = ui.blocks.flatMap((b) =>
      'fields' in b ? b.fields : 'list' in b ? [b.list] : 'lists' in b ? b.lists : [],
    )
    expect(placed.sort(), `${kind}: every top-level field has a place, once`).toEqual(
      fieldsOf(SECTION_CONTENT[kind])
        .map((f) => f.key)
        .sort(),
    )
  })
})
