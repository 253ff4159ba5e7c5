import * as Y from 'yjs'
import type { SectionKind } from '../plans/catalog'
import { SECTION_CONTENT, listSpec, textSpec } from './schema'

/**
 * Where a section's structured content lives in its Y.Doc, beside the rich text:
 *
 *   Y.Doc (one per section)
 *   ├─ body:   Y.XmlFragment   rich text (Tiptap, docs/product.md#interfaces-integrators-rely-on)
 *   └─ fields: Y.Map           the kind's fields (schema.ts), by name
 *        ├─ <text field>:  Y.Text holding plain characters (an objective's statement, a KPI's name):
 *        │                 concurrent typing merges character by character, like the rich text.
 *        ├─ <plain field>: a JSON value stored as is — number, boolean, null, a date or choice string,
 *        │                 a person or link id, or an array of strings (tags such as department ids).
 *        │                 Last writer wins per field: a date or a choice is picked whole.
 *        └─ <list field>:  Y.Array of Y.Map, one per item; each item map holds `id` (a string, unique
 *                          in its list, what links point at) and the item's fields under the same
 *                          rules, nested lists included (a competitor's ideas, a KPI's actual values).
 *
 * Items are Y.Maps rather than JSON objects so that two people editing different fields of one
 * calendar entry both keep their change. Documents written before text fields were shared text hold
 * plain strings there; the server migrates them (storage migration 2026-12-02-shared-text-fields) and
 * upgrades any that a client writes later (validate.ts); readers accept both.
 */
export const FIELDS = 'fields'

/**
 * Any shared type (the event type parameter does not matter here). Yjs's typings make the parameter
 * invariant, so only `any` admits a Y.Map, a Y.Array and a Y.XmlFragment alike.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above; the one such type, used everywhere
export type AnyType = Y.AbstractType<any>

/** The `fields` map, or null when the document has none (or a client defined it as another type). */
export function fieldsOf(doc: Y.Doc): Y.Map<unknown> | null {
  const root = doc.share.get(FIELDS)
  if (!root) return null
  if (root instanceof Y.Map) return root
  // A document filled only from updates holds its roots untyped until someone asks for them.
  if (root.constructor === Y.AbstractType) return doc.getMap(FIELDS)
  return null
}

/** The `fields` map of a document about to be written. */
export function writableFields(doc: Y.Doc): Y.Map<unknown> {
  const fields = fieldsOf(doc) ?? (doc.share.has(FIELDS) ? null : doc.getMap(FIELDS))
  if (!fields) throw new Error(`This document's "${FIELDS}" is not a Y.Map.`)
  return fields
}

/**
 * The Y.Text of the text field at a path (['audience'], ['objectives', id, 'statement']), or null when
 * the field holds none yet (never written, or a plain string from before). Items are found by id, the
 * first one as readers do.
 */
export function textAt(doc: Y.Doc, path: readonly string[]): Y.Text | null {
  let map: Y.Map<unknown> | null = fieldsOf(doc)
  for (let i = 0; map && i < path.length - 1; i += 2) {
    const list = map.get(path[i]!)
    map = null
    if (!(list instanceof Y.Array)) break
    for (const element of list) {
      if (element instanceof Y.Map && element.get('id') === path[i + 1]) {
        map = element as Y.Map<unknown>
        break
      }
    }
  }
  const value = map?.get(path.at(-1) ?? '')
  return value instanceof Y.Text ? value : null
}

/** A range of a Yjs client's clock: what a deletion names. */
export interface ClockRange {
  client: number
  clock: number
  len: number
}

/** Every element of a Y.Array with the id (client, clock) of the element itself (items hold runs of elements). */
export function forEachElement(array: AnyType, visit: (value: unknown, client: number, clock: number) => void) {
  for (let n = array._start; n !== null; n = n.right) {
    if (n.deleted || !n.countable) continue
    const content = n.content.getContent()
    for (let k = 0; k < content.length; k++) visit(content[k], n.id.client, n.id.clock + k)
  }
}

/** The current entry of a Y.Map key, as a range that deleting the key would delete. */
export function mapEntry(map: AnyType, key: string): { value: unknown; at: ClockRange } | null {
  const item = map._map.get(key)
  if (!item || item.deleted) return null
  return {
    value: item.content.getContent()[item.length - 1],
    at: { client: item.id.client, clock: item.id.clock, len: item.length },
  }
}

/** The element range of a type that sits in a Y.Array (an item map), else null. */
export function elementRange(type: AnyType): ClockRange | null {
  const item = type._item
  return item && item.parentSub === null ? { client: item.id.client, clock: item.id.clock, len: 1 } : null
}

/**
 * Every client creates a missing top-level list or text with the same, deterministic change (one fixed
 * client id per kind and field, clock 0): Yjs sees identical changes as one, so two people adding the
 * first calendar entry of a fresh section, or typing the first words of its audience, at once both keep
 * theirs instead of one list or text replacing the other.
 */
const skeletons = new Map<string, { client: number; update: Uint8Array }>()

function skeletonOf(kind: SectionKind, field: string, make: () => AnyType) {
  const key = `${kind}.${field}`
  let skeleton = skeletons.get(key)
  if (!skeleton) {
    const doc = new Y.Doc()
    doc.clientID = fnv1a(key)
    doc.getMap(FIELDS).set(field, make())
    skeleton = { client: doc.clientID, update: Y.encodeStateAsUpdate(doc) }
    skeletons.set(key, skeleton)
    doc.destroy()
  }
  return skeleton
}

/** The top-level field's shared type, created if missing (by the shared skeleton first, so concurrent creations merge). */
function ensureTop<T extends AnyType>(doc: Y.Doc, kind: SectionKind, field: string, type: new () => T): T {
  const fields = writableFields(doc)
  const existing = fields.get(field)
  if (existing instanceof type) return existing
  const skeleton = skeletonOf(kind, field, () => new type())
  // Inside a transaction an applied update would turn it remote; writers call this before theirs.
  if (doc._transaction === null && Y.getState(doc.store, skeleton.client) === 0) Y.applyUpdate(doc, skeleton.update)
  const created = fields.get(field)
  if (created instanceof type) return created
  // The skeleton's type was replaced or deleted since: only a fresh one is left.
  const fresh = new type()
  fields.set(field, fresh)
  return fresh
}

/** The list field's Y.Array, created if missing. */
export function ensureList(doc: Y.Doc, kind: SectionKind, field: string): Y.Array<Y.Map<unknown>> {
  if (!listSpec(SECTION_CONTENT[kind].shape[field as never])) throw new Error(`${kind}.${field} is not a list.`)
  return ensureTop(doc, kind, field, Y.Array<Y.Map<unknown>>)
}

/** A top-level text field's Y.Text, created if missing (a plain string from before is carried over). */
export function ensureText(doc: Y.Doc, kind: SectionKind, field: string): Y.Text {
  if (!textSpec(SECTION_CONTENT[kind].shape[field as never])) throw new Error(`${kind}.${field} is not text.`)
  const old = writableFields(doc).get(field)
  const text = ensureTop(doc, kind, field, Y.Text)
  if (typeof old === 'string' && text.length === 0 && old !== '') doc.transact(() => text.insert(0, old), MODEL_ORIGIN)
  return text
}

/**
 * The shared text a top-level text field gets when it is first written (the skeleton's), in a document
 * of its own, for a field nobody has written yet: positions in it name the very text every document
 * that writes the field will hold, so a suggestion on the empty field can be anchored before it exists.
 * Never written to.
 */
export function unwrittenText(kind: SectionKind, field: string): Y.Text | null {
  if (!textSpec(SECTION_CONTENT[kind].shape[field as never])) return null
  const key = `${kind}.${field}`
  let text = unwritten.get(key)
  if (!text) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, skeletonOf(kind, field, () => new Y.Text()).update)
    text = doc.getMap(FIELDS).get(field) as Y.Text
    unwritten.set(key, text)
  }
  return text
}
const unwritten = new Map<string, Y.Text>()

/**
 * The text a suggestion on a field is anchored to: its shared text, or, for a top-level text field that
 * holds no value at all yet, the one it will have (`unwrittenText`).
 */
export function suggestableText(doc: Y.Doc, kind: SectionKind, path: readonly string[]): Y.Text | null {
  const text = textAt(doc, path)
  if (text || path.length !== 1 || fieldsOf(doc)?.get(path[0]!) !== undefined) return text
  return unwrittenText(kind, path[0]!)
}

/**
 * Make a top-level text field's skeleton text in a document being changed in a transaction (a server
 * change, on a copy), where `ensureText` would make a text of its own; null when the field holds
 * something else by now.
 */
export function writeUnwrittenText(doc: Y.Doc, kind: SectionKind, field: string): Y.Text | null {
  const skeleton = skeletonOf(kind, field, () => new Y.Text())
  if (Y.getState(doc.store, skeleton.client) === 0) Y.applyUpdate(doc, skeleton.update)
  return textAt(doc, [field])
}

/** The origin of every transaction the plan model's writers make, for an UndoManager's `trackedOrigins`. */
export const MODEL_ORIGIN = 'plan-model'

/** 32-bit FNV-1a: a stable client id per (kind, field). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
