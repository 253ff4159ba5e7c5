import * as Y from 'yjs'
import { z } from 'zod'
import type { SectionKind } from '../plans/catalog'
import { newItemId } from './ids'
import { readObject } from './read'
import { type ContentInput, type ListSpec, SECTION_CONTENT, type SectionContent, listSpec, textSpec } from './schema'
import { replaceText } from './text'
import { MODEL_ORIGIN, ensureList, ensureText, writableFields } from './ydoc'

/**
 * Changes to a section's structured content, for the UI, seeds and tests. Each helper validates
 * first — an invalid value throws `InvalidContentError` and changes nothing, so our own clients never
 * send what the server would repair — then makes its change in one `doc.transact` (one update on the
 * wire, one undo step), after creating the list through the shared skeleton the first time (ydoc.ts).
 * A text field given a whole new value is changed by the smallest edit of its Y.Text, so what someone
 * else types into it meanwhile survives; typing itself goes through a field binding instead.
 */

export { MODEL_ORIGIN }

export class InvalidContentError extends Error {}

type Content<K extends SectionKind> = SectionContent<K>
type ListKeys<T> = { [F in keyof T & string]-?: T[F] extends readonly { id: string }[] ? F : never }[keyof T & string]
type ItemOf<T, L> = L extends keyof T ? (T[L] extends readonly (infer I)[] ? I : never) : never

/** The plain (non-list) fields of a kind. */
export type PlainField<K extends SectionKind> = Exclude<keyof Content<K> & string, ListKeys<Content<K>>>

/** A list: `[field]` at the top, or `[field, itemId, nestedField]` inside an item (a competitor's ideas). */
export type ListPath<K extends SectionKind> =
  | readonly [ListKeys<Content<K>>]
  | { [L in ListKeys<Content<K>>]: readonly [L, string, ListKeys<ItemOf<Content<K>, L>>] }[ListKeys<Content<K>>]

/** The item type of the list at `P`. */
export type ItemAt<K extends SectionKind, P> = P extends readonly [infer L, string, infer S]
  ? ItemOf<ItemOf<Content<K>, L>, S>
  : P extends readonly [infer L]
    ? ItemOf<Content<K>, L>
    : never

/** What a new item may be given; everything else takes its default. */
export type ItemValues<I> = Partial<I>
/** What an update may change: plain fields only (lists change through their own helpers). */
export type ItemPatch<I> = Partial<Omit<I, 'id' | ListKeys<I>>>

/** Set a plain field. */
export function setField<K extends SectionKind, F extends PlainField<K>>(
  doc: Y.Doc,
  kind: K,
  field: F,
  value: Content<K>[F],
) {
  const schema = plainField(kind, SECTION_CONTENT[kind], field)
  const parsed = parse(schema, value, field)
  if (textSpec(schema)) {
    const text = ensureText(doc, kind, field)
    doc.transact(() => replaceText(text, parsed as string), MODEL_ORIGIN)
  } else doc.transact(() => writableFields(doc).set(field, parsed), MODEL_ORIGIN)
}

/** Add an item (at `index`, else at the end); returns its id. */
export function addItem<K extends SectionKind, P extends ListPath<K>>(
  doc: Y.Doc,
  kind: K,
  path: P,
  values: ItemValues<ItemAt<K, P>> = {},
  index?: number,
): string {
  const spec = specAt(kind, path)
  const item = parse(spec.item, { id: newItemId(), ...values }, path.join('.')) as { id: string }
  prepareList(doc, kind, path)
  doc.transact(() => {
    const array = resolveList(doc, kind, path)
    if (findItem(array, item.id)) throw new InvalidContentError(`${path.join('.')} already has an item ${item.id}.`)
    array.insert(clampIndex(index, array.length), [toYMap(spec.item, item)])
  }, MODEL_ORIGIN)
  return item.id
}

/** Change plain fields of an item. */
export function updateItem<K extends SectionKind, P extends ListPath<K>>(
  doc: Y.Doc,
  kind: K,
  path: P,
  id: string,
  patch: ItemPatch<ItemAt<K, P>>,
) {
  const spec = specAt(kind, path)
  const values = Object.entries(patch).map(([key, value]) => {
    if (key === 'id') throw new InvalidContentError('An item keeps its id.')
    const field = plainField(kind, spec.item, key)
    return [key, parse(field, value, `${path.join('.')}.${key}`), textSpec(field) !== undefined] as const
  })
  prepareList(doc, kind, path)
  doc.transact(() => {
    const { map } = requireItem(resolveList(doc, kind, path), id, path)
    for (const [key, value, text] of values) {
      const current = map.get(key)
      if (text && current instanceof Y.Text) replaceText(current, value as string)
      else map.set(key, text ? new Y.Text(value as string) : value)
    }
  }, MODEL_ORIGIN)
}

export function removeItem<K extends SectionKind>(doc: Y.Doc, kind: K, path: ListPath<K>, id: string) {
  specAt(kind, path)
  prepareList(doc, kind, path)
  doc.transact(() => {
    const array = resolveList(doc, kind, path)
    array.delete(requireItem(array, id, path).index, 1)
  }, MODEL_ORIGIN)
}

/**
 * Move an item to `toIndex` (its place in the list after the move). Yjs has no move: the item is
 * removed and a copy with the same id inserted, so a concurrent edit of that item is lost.
 */
export function moveItem<K extends SectionKind>(doc: Y.Doc, kind: K, path: ListPath<K>, id: string, toIndex: number) {
  const spec = specAt(kind, path)
  prepareList(doc, kind, path)
  doc.transact(() => {
    const array = resolveList(doc, kind, path)
    const { map, index } = requireItem(array, id, path)
    const copy = toYMap(spec.item, readObject(map, spec.item))
    array.delete(index, 1)
    array.insert(clampIndex(toIndex, array.length), [copy])
  }, MODEL_ORIGIN)
}

/**
 * The Y.Text of the text field at `path`, made when the field has none yet (a plain string from before
 * is carried over): what a field binding types into. For people who may edit only.
 */
export function ensureTextAt(doc: Y.Doc, kind: SectionKind, path: readonly string[]): Y.Text {
  if (path.length === 1) return ensureText(doc, kind, path[0]!)
  const listPath = path.slice(0, -2)
  const id = path.at(-2)!
  const key = path.at(-1)!
  if (!textSpec(plainField(kind, specAt(kind, listPath).item, key)))
    throw new InvalidContentError(`${path.join('.')} is not text.`)
  prepareList(doc, kind, listPath)
  let text: Y.Text | null = null
  doc.transact(() => {
    const { map } = requireItem(resolveList(doc, kind, listPath), id, listPath)
    const current = map.get(key)
    text = current instanceof Y.Text ? current : new Y.Text(typeof current === 'string' ? current : '')
    if (text !== current) map.set(key, text)
  }, MODEL_ORIGIN)
  return text!
}

/** Replace a section's whole structured content (templates, seeds, tests, benchmarks). */
export function writeContent<K extends SectionKind>(doc: Y.Doc, kind: K, content: ContentInput<K>) {
  const schema: z.ZodObject = SECTION_CONTENT[kind]
  const parsed = parse(schema, content, kind) as Record<string, unknown>
  const shape = Object.entries(schema.shape) as [string, z.ZodType][]
  for (const [key, field] of shape) {
    if (listSpec(field)) ensureList(doc, kind, key)
    else if (textSpec(field)) ensureText(doc, kind, key)
  }
  doc.transact(() => {
    const fields = writableFields(doc)
    for (const [key, field] of shape) {
      const list = listSpec(field)
      const value = parsed[key]
      if (textSpec(field)) {
        replaceText(ensureText(doc, kind, key), value as string)
        continue
      }
      if (!list) {
        fields.set(key, value)
        continue
      }
      const array = ensureList(doc, kind, key)
      array.delete(0, array.length)
      array.push((value as Record<string, unknown>[]).map((item) => toYMap(list.item, item)))
    }
  }, MODEL_ORIGIN)
}

// ——— Helpers.

function parse(schema: z.ZodType, value: unknown, where: string): unknown {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const at = issue?.path.length ? `${where}.${issue.path.join('.')}` : where
  throw new InvalidContentError(`${at}: ${issue?.message ?? 'not valid'}`)
}

function plainField(kind: SectionKind, object: z.ZodObject, key: string): z.ZodType {
  const field = object.shape[key] as z.ZodType | undefined
  if (!field) throw new InvalidContentError(`${kind} has no field ${key}.`)
  if (listSpec(field)) throw new InvalidContentError(`${key} is a list: use addItem, updateItem, removeItem.`)
  return field
}

/** A validated item as a Y.Map, nested lists as Y.Arrays of Y.Maps, text as Y.Text. */
function toYMap(schema: z.ZodObject, item: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const list = listSpec(field)
    const value = item[key]
    if (list) map.set(key, Y.Array.from((value as Record<string, unknown>[]).map((v) => toYMap(list.item, v))))
    else if (textSpec(field)) map.set(key, new Y.Text(value as string))
    else map.set(key, value)
  }
  return map
}

/** The item schema of the list at `path`, checked against the schema alone (before touching the document). */
function specAt(kind: SectionKind, path: readonly string[]): ListSpec {
  let object: z.ZodObject = SECTION_CONTENT[kind]
  let spec: ListSpec | undefined
  for (let i = 0; i < path.length; i += 2) {
    spec = listSpec(object.shape[path[i] ?? ''] as z.ZodType)
    if (!spec) throw new InvalidContentError(`${kind} has no list ${path.slice(0, i + 1).join('.')}.`)
    object = spec.item
  }
  if (!spec || path.length % 2 === 0) throw new InvalidContentError(`${path.join('.')} is not a list path.`)
  return spec
}

/**
 * Creates the top-level list before the edit's own transaction: the shared skeleton (ydoc.ts) arrives
 * as a remote change, which must not share a transaction with a local one.
 */
const prepareList = (doc: Y.Doc, kind: SectionKind, path: readonly string[]) => ensureList(doc, kind, path[0] ?? '')

/** The Y.Array at a path that `specAt` accepted; nested lists are created with their item, or here. */
function resolveList(doc: Y.Doc, kind: SectionKind, path: readonly string[]): Y.Array<Y.Map<unknown>> {
  let array = ensureList(doc, kind, path[0] ?? '')
  for (let i = 1; i < path.length; i += 2) {
    const { map } = requireItem(array, path[i] ?? '', path)
    const field = path[i + 1] ?? ''
    let next = map.get(field)
    if (!(next instanceof Y.Array)) map.set(field, (next = new Y.Array()))
    array = next as Y.Array<Y.Map<unknown>>
  }
  return array
}

/** The first item with this id, as readers see it. */
function findItem(array: Y.Array<Y.Map<unknown>>, id: string): { map: Y.Map<unknown>; index: number } | null {
  let index = 0
  for (const element of array) {
    if (element instanceof Y.Map && element.get('id') === id) return { map: element, index }
    index++
  }
  return null
}

function requireItem(array: Y.Array<Y.Map<unknown>>, id: string, path: readonly string[]) {
  const found = findItem(array, id)
  if (!found) throw new InvalidContentError(`${path.join('.')} has no item ${id}.`)
  return found
}

const clampIndex = (index: number | undefined, length: number) =>
  index === undefined ? length : Math.max(0, Math.min(length, Math.trunc(index)))
