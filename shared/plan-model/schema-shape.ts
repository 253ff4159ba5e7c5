import { z } from 'zod'
import type { SectionKind } from '../plans/catalog'
import { CONTENT_LIMITS, ItemId, type ListSpec, PersonRef, SECTION_CONTENT, listSpec } from './schema'

/**
 * What kind of control a schema field needs, read from the zod schema itself (plan-model/schema.ts is
 * the truth): the generic renderer picks its input from this, so a field added to the schema gets a
 * fitting control without a line of UI code beyond its label.
 */
export type FieldShape =
  | { type: 'text'; max: number; long: boolean }
  | { type: 'number'; nullable: boolean; min: number | null; max: number | null; int: boolean }
  | { type: 'date' }
  | { type: 'enum'; options: string[]; nullable: boolean }
  | { type: 'boolean' }
  /** A workspace member's user id, or someone outside named in words. */
  | { type: 'person' }
  /** One id pointing at another item (an objective, a network section). */
  | { type: 'link' }
  /** Ids pointing at other items (departments, networks, objectives). */
  | { type: 'links'; max: number }
  /** Free words (a competitor's networks). */
  | { type: 'tags'; max: number }
  | { type: 'list'; spec: ListSpec }

type AnyZod = z.ZodType & { def: { type: string; innerType?: AnyZod; element?: AnyZod } }

/** Strip defaults and nullables, remembering whether null is allowed. */
function unwrap(schema: z.ZodType): { inner: AnyZod; nullable: boolean } {
  let inner = schema as AnyZod
  let nullable = false
  for (;;) {
    const { type, innerType } = inner.def
    if ((type === 'default' || type === 'nullable' || type === 'optional' || type === 'prefault') && innerType) {
      if (type === 'nullable') nullable = true
      inner = innerType
    } else return { inner, nullable }
  }
}

const SHAPES = new WeakMap<z.ZodType, FieldShape>()

export function shapeOf(field: z.ZodType): FieldShape {
  let shape = SHAPES.get(field)
  if (!shape) SHAPES.set(field, (shape = computeShape(field)))
  return shape
}

function computeShape(field: z.ZodType): FieldShape {
  const spec = listSpec(field)
  if (spec) return { type: 'list', spec }
  const { inner, nullable } = unwrap(field)
  if (inner === (PersonRef as unknown)) return { type: 'person' }
  if (inner === (ItemId as unknown)) return { type: 'link' }
  if (inner instanceof z.ZodStringFormat && inner.format === 'date') return { type: 'date' }
  if (inner instanceof z.ZodString) {
    const max = inner.maxLength ?? CONTENT_LIMITS.longText
    return { type: 'text', max, long: max > CONTENT_LIMITS.shortText }
  }
  if (inner instanceof z.ZodNumber) {
    const finite = (n: number | null | undefined) =>
      n === null || n === undefined || !Number.isFinite(n) || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? null : n
    return {
      type: 'number',
      nullable,
      min: finite(inner.minValue),
      max: finite(inner.maxValue),
      int: inner.isInt === true,
    }
  }
  if (inner instanceof z.ZodEnum) return { type: 'enum', options: inner.options.map(String), nullable }
  if (inner instanceof z.ZodBoolean) return { type: 'boolean' }
  if (inner instanceof z.ZodArray) {
    const max = (inner.def.checks ?? []).reduce((m, c) => {
      const def = (c as unknown as { _zod: { def: { check: string; maximum?: number } } })._zod.def
      return def.check === 'max_length' && typeof def.maximum === 'number' ? Math.min(m, def.maximum) : m
    }, CONTENT_LIMITS.links as number)
    return inner.element === (ItemId as unknown) ? { type: 'links', max } : { type: 'tags', max }
  }
  throw new Error(`No control for a ${inner.def.type} field.`)
}

/** The object schema of a kind's content, or of the items of the list at `listPath` (['competitors', id, 'ideas']). */
export function objectAt(kind: SectionKind, listPath: readonly string[] = []): z.ZodObject {
  let object: z.ZodObject = SECTION_CONTENT[kind]
  for (let i = 0; i < listPath.length; i += 2) {
    const spec = listSpec(object.shape[listPath[i]!] as z.ZodType)
    if (!spec) throw new Error(`${kind} has no list ${listPath.slice(0, i + 1).join('.')}.`)
    object = spec.item
  }
  return object
}

/** The plain fields and lists of an object schema, in the schema's order (without the item id). */
export function fieldsOf(object: z.ZodObject): { key: string; shape: FieldShape }[] {
  return Object.entries(object.shape)
    .filter(([key]) => key !== 'id')
    .map(([key, field]) => ({ key, shape: shapeOf(field as z.ZodType) }))
}

/** The most characters the text field at `path` of a kind's content may hold; null when it is not a text field. */
export function textFieldMax(kind: SectionKind, path: readonly string[]): number | null {
  const key = path.at(-1)
  if (key === undefined) return null
  let object: z.ZodObject
  try {
    object = objectAt(kind, path.slice(0, -1))
  } catch {
    return null
  }
  const field = object.shape[key] as z.ZodType | undefined
  const shape = field && shapeOf(field)
  return shape?.type === 'text' ? shape.max : null
}
