import * as Y from 'yjs'
import type { z } from 'zod'
import type { SectionKind } from '../plans/catalog'
import { acceptorOf } from './accept'
import { ItemId, type ListSpec, SECTION_CONTENT, type TextSpec, listSpec, textSpec } from './schema'
import { type AnyType, type ClockRange, elementRange, fieldsOf, forEachElement, mapEntry } from './ydoc'

/** Something in a document that its schema refuses, and the deletion that removes it. */
export interface Problem {
  /** Field names and item ids from `fields` down, e.g. ['calendar', 'k3j2', 'date']. */
  path: string[]
  reason: string
  /** What deleting puts it right (several ranges for the characters of a text past its limit). */
  remove: ClockRange[]
  /**
   * A plain string where shared text belongs (a document from before, or a client that set a string):
   * nothing is wrong with the words, so they are written again as a Y.Text in the entry's place.
   */
  upgrade?: { at: ClockRange; text: string }
}

const acceptId = acceptorOf(ItemId)!

/** Which elements of a list to look into: all of them, or only those a transaction inserted. */
type Fresh = (client: number, clock: number) => boolean
const ALL: Fresh = () => true

/**
 * Every problem in a section's structured content: the raw document (not what a reader makes of it)
 * checked against the schema. Empty means every reader would see exactly what is stored.
 */
export function contentProblems(doc: Y.Doc, kind: SectionKind): Problem[] {
  const out: Problem[] = []
  const fields = fieldsOf(doc)
  if (fields) objectProblems(fields, SECTION_CONTENT[kind], [], null, out)
  return out
}

/**
 * The problems a transaction brought in, looking only at what it touched: the keys it set on maps
 * that existed before, and the elements it inserted into lists (new maps are checked whole). Cost is
 * proportional to the change plus one pass over each touched list's elements for duplicate ids.
 */
export function transactionProblems(doc: Y.Doc, kind: SectionKind, transaction: Y.Transaction): Problem[] {
  const out: Problem[] = []
  const fields = fieldsOf(doc)
  if (!fields) return out
  const places = new Map<AnyType, Place | null>()
  const fresh: Fresh = (client, clock) => clock >= (transaction.beforeState.get(client) ?? 0)
  for (const [type, keys] of transaction.changed) {
    if (type instanceof Y.Text) {
      typedTextProblems(type, fields, SECTION_CONTENT[kind], places, out)
      continue
    }
    const place = locate(type, fields, SECTION_CONTENT[kind], places)
    if (!place) continue
    if (place.list) {
      if (keys.has(null)) listProblems(type, place.list, place.path, fresh, out)
      continue
    }
    for (const key of keys) {
      if (key === null) continue
      const entry = mapEntry(type, key)
      if (entry) entryProblem(key, entry.value, entry.at, place.object, place.path, place.element, out)
      else if (key === 'id' && place.element)
        out.push({ path: place.path, reason: 'lost its id', remove: [place.element] })
      if (entry && key === 'id' && place.element && repeatsSiblingId(type)) {
        out.push({ path: place.path, reason: 'took the id of another item', remove: [place.element] })
      }
    }
  }
  return out
}

/** A text field someone typed into: its characters checked where it sits (a Y.Text elsewhere was judged when set). */
function typedTextProblems(
  text: Y.Text,
  fields: Y.Map<unknown>,
  root: z.ZodObject,
  places: Map<AnyType, Place | null>,
  out: Problem[],
) {
  const item = text._item
  if (!item || item.deleted || item.parentSub === null || !(item.parent instanceof Y.AbstractType)) return
  const place = locate(item.parent, fields, root, places)
  const spec = place && !place.list ? textSpec(place.object.shape[item.parentSub] as z.ZodType) : undefined
  if (spec && place) textProblems(text, spec, [...place.path, item.parentSub], out)
}

/**
 * Shared text holds characters only, at most its limit: an embed (a stock client may insert one) is
 * removed, and so are the characters past the limit that people typing at once took it to. Formatting
 * attributes are not characters and stay (tracked changes may mark text with them).
 */
function textProblems(text: Y.Text, { max }: TextSpec, path: string[], out: Problem[]) {
  let length = 0
  const foreign: ClockRange[] = []
  const over: ClockRange[] = []
  for (let n = text._start; n !== null; n = n.right) {
    if (n.deleted || !n.countable) continue
    const at = { client: n.id.client, clock: n.id.clock, len: n.length }
    if (n.content.constructor !== Y.ContentString) {
      foreign.push(at)
      continue
    }
    const keep = Math.max(0, Math.min(n.length, max - length))
    if (keep < n.length) over.push({ ...at, clock: at.clock + keep, len: n.length - keep })
    length += n.length
  }
  if (foreign.length > 0) out.push({ path, reason: 'holds something that is not plain text', remove: foreign })
  if (over.length > 0) out.push({ path, reason: `is past the ${max}-character limit`, remove: over })
}

/** Whether another element of the item's list has the item's id. */
function repeatsSiblingId(item: AnyType): boolean {
  const id: unknown = item instanceof Y.Map ? item.get('id') : undefined
  const list = item._item?.parent
  if (typeof id !== 'string' || !(list instanceof Y.AbstractType)) return false
  let repeats = false
  forEachElement(list, (other) => (repeats ||= other !== item && other instanceof Y.Map && other.get('id') === id))
  return repeats
}

/** Where a Y type sits in the layout: a map of fields (content root or an item), or a list. */
interface Place {
  path: string[]
  object: z.ZodObject
  list?: ListSpec
  /** For an item map: its element in the list, which a missing or bad id removes. */
  element: ClockRange | null
}

/** Walks up from a changed type to `fields`; null for anything outside it or already deleted. */
function locate(
  type: AnyType,
  fields: Y.Map<unknown>,
  root: z.ZodObject,
  memo: Map<AnyType, Place | null>,
): Place | null {
  const known = memo.get(type)
  if (known !== undefined) return known
  let place: Place | null = null
  const item = type._item
  if (item === null) {
    // A root: `fields` itself (compare maps too: the instance may have been retyped from an untyped root).
    if (type === fields || type._map === fields._map) place = { path: [], object: root, element: null }
  } else if (!item.deleted && item.parent instanceof Y.AbstractType) {
    const parent = locate(item.parent, fields, root, memo)
    if (parent && !parent.list && item.parentSub !== null && type instanceof Y.Array) {
      const list = listSpec(parent.object.shape[item.parentSub] as z.ZodType)
      if (list) place = { path: [...parent.path, item.parentSub], object: list.item, list, element: null }
    } else if (parent?.list && item.parentSub === null && type instanceof Y.Map) {
      const id: unknown = type.get('id')
      place = {
        path: [...parent.path, typeof id === 'string' ? id : '?'],
        object: parent.list.item,
        element: elementRange(type),
      }
    }
  }
  memo.set(type, place)
  return place
}

/** Every key of a map (the content root, or an item whose id is already known to be valid). */
function objectProblems(map: AnyType, schema: z.ZodObject, path: string[], element: ClockRange | null, out: Problem[]) {
  for (const key of map._map.keys()) {
    const entry = mapEntry(map, key)
    if (entry) entryProblem(key, entry.value, entry.at, schema, path, element, out)
  }
}

/** One key of a map against its schema; an item's bad id removes the whole item. */
function entryProblem(
  key: string,
  value: unknown,
  at: ClockRange,
  schema: z.ZodObject,
  path: string[],
  element: ClockRange | null,
  out: Problem[],
) {
  const field = schema.shape[key] as z.ZodType | undefined
  const where = [...path, key]
  if (!field) {
    out.push({ path: where, reason: 'is not a field here', remove: [at] })
    return
  }
  const list = listSpec(field)
  if (list) {
    if (value instanceof Y.Array) listProblems(value, list, where, ALL, out)
    else out.push({ path: where, reason: 'must be a list (Y.Array of Y.Map)', remove: [at] })
    return
  }
  const text = textSpec(field)
  if (text && value instanceof Y.Text) return textProblems(value, text, where, out)
  if (text && typeof value === 'string' && value.length <= text.max) {
    out.push({ path: where, reason: 'is plain text, not shared text', remove: [], upgrade: { at, text: value } })
    return
  }
  if (acceptorOf(field)?.(value)) return
  const parsed = field.safeParse(value)
  if (parsed.success) return
  const reason = parsed.error.issues[0]?.message ?? 'is not valid'
  if (key === 'id' && element) out.push({ path, reason: `has a bad id: ${reason}`, remove: [element] })
  else out.push({ path: where, reason, remove: [at] })
}

/**
 * A list's elements: each must be a map with a valid id, unique in the list; fresh ones are checked
 * whole, older ones were checked when they arrived. A fresh element never displaces an older one: it
 * is the fresh one that goes when ids repeat or the list is over its limit (the last first, as a
 * reader keeps the first `max`). One pass over the list, reading only the ids of older items.
 */
function listProblems(array: AnyType, spec: ListSpec, path: string[], fresh: Fresh, out: Problem[]) {
  const older: Y.Map<unknown>[] = []
  const added: { value: unknown; at: ClockRange }[] = []
  forEachElement(array, (value, client, clock) => {
    if (fresh(client, clock)) added.push({ value, at: { client, clock, len: 1 } })
    else if (value instanceof Y.Map) older.push(value)
  })
  let kept: { map: Y.Map<unknown>; id: string; at: ClockRange }[] = []
  const ids = new Set<string>()
  for (const { value, at } of added) {
    const id: unknown = value instanceof Y.Map ? value.get('id') : undefined
    if (!(value instanceof Y.Map)) out.push({ path, reason: 'holds something that is not an item', remove: [at] })
    else if (typeof id !== 'string' || !acceptId(id))
      out.push({ path, reason: 'holds an item without a valid id', remove: [at] })
    else if (ids.has(id)) out.push({ path: [...path, id], reason: 'repeats the id of another item', remove: [at] })
    else {
      ids.add(id)
      kept.push({ map: value, id, at })
    }
  }
  if (kept.length > 0 && older.length > 0) {
    const taken = new Set<string>()
    for (const map of older) {
      const id = map.get('id')
      if (typeof id === 'string' && ids.has(id)) taken.add(id)
    }
    kept = kept.filter((item) => {
      if (!taken.has(item.id)) return true
      out.push({ path: [...path, item.id], reason: 'repeats the id of another item', remove: [item.at] })
      return false
    })
  }
  let excess = older.length + kept.length - spec.max
  for (let i = kept.length - 1; i >= 0; i--) {
    const item = kept[i]!
    if (excess-- > 0)
      out.push({ path: [...path, item.id], reason: `is past the ${spec.max}-item limit`, remove: [item.at] })
    else objectProblems(item.map, spec.item, [...path, item.id], item.at, out)
  }
}
