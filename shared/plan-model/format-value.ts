import type { FieldShape } from './schema-shape'
import { type FieldUi, type OptionSource, enumLabel } from './ui-spec'

/**
 * What a value refers to, and how dates and numbers are written: an export uses one fixed locale and
 * names everything, the app writes in the reader's locale with the names it has at hand.
 */
export interface ValueWords {
  /** A member's name for their user id; an outsider's name as it is. */
  person(ref: string): string
  /** What a link field's id points at (a department, a network, an objective). */
  linked(source: OptionSource | undefined, id: string): string
  /** An ISO day (`2027-12-31`). */
  date(iso: string): string
  number(n: number): string
}

/**
 * One field's value in words, by the field's kind (read from the schema, labels from the ui-spec);
 * '' when nothing is there. `unit` is the item's own unit, written after its numbers.
 */
export function formatValue(shape: FieldShape, ui: FieldUi, raw: unknown, unit: string, words: ValueWords): string {
  if (raw === null || raw === undefined || raw === '') return ''
  switch (shape.type) {
    case 'text':
      return (typeof raw === 'string' ? raw : JSON.stringify(raw)).trim()
    case 'number': {
      const n = raw as number
      if (ui.widget === 'share') return `${words.number(n)}% value, ${words.number(100 - n)}% promotional`
      const suffix = ui.suffix ?? unit
      return `${words.number(n)}${!suffix ? '' : suffix === '%' ? '%' : ` ${suffix}`}`
    }
    case 'date':
      return words.date(raw as string)
    case 'enum':
      return enumLabel(raw as string)
    case 'boolean':
      return raw ? 'Yes' : 'No'
    case 'person':
      return words.person(raw as string)
    case 'link':
      return words.linked(ui.options, raw as string)
    case 'links':
      return (raw as string[]).map((id) => words.linked(ui.options, id)).join(', ')
    case 'tags':
      return (raw as string[]).join(', ')
    case 'list':
      return ''
  }
}
